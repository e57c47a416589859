package org.mutuality.conflicts.policy;

/** For directed relationships, which side the actor must be on for a rule to apply. */
public enum Direction {
    /** Either way round. */
    EITHER,
    /** The actor is the one who treats, supervises, supports or interviews the subject. */
    ACTOR_TO_SUBJECT,
    /** The subject is the one who treats, supervises, supports or interviews the actor. */
    SUBJECT_TO_ACTOR
}
