package org.mutuality.conflicts.policy;

/** How far a relationship may be from the actor and the subject for a rule to apply. */
public enum Reach {
    /** The actor and the subject are themselves related. */
    DIRECT,
    /**
     * Through someone close (partner, family, housemate): the actor's partner supervises the subject,
     * or the actor treats the subject's partner (APA 3.05).
     */
    CLOSE
}
