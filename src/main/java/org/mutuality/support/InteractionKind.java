package org.mutuality.support;

/** What kind of contact a peer worker had with a participant. */
public enum InteractionKind {
    ONE_TO_ONE,
    PHONE_CALL,
    GROUP_SESSION,
    NAVIGATION,
    OUTSIDE_CONTACT
}
