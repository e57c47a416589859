package org.mutuality.practice;

/** How a supervision session is held. Peer supervision by an experienced peer worker is one like any other. */
public enum SupervisionForm {
    ONE_TO_ONE,
    GROUP,
    PEER
}
