package org.mutuality.access;

/** The guard's answer: granted on a named basis, or refused with a reason a person can read. */
public sealed interface AccessDecision permits AccessDecision.Granted, AccessDecision.Refused {

    boolean allowed();

    /** Granted, and why: {@code SELF}, {@code CIRCLE_OF_CARE}, {@code ASSIGNMENT}, {@code SUPERVISION_OF_ASSIGNED_WORKER},
     * {@code BREAK_GLASS}.
     */
    record Granted(String basis) implements AccessDecision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** Refused; the reason names no relationship the reader may not know about. */
    record Refused(String reason) implements AccessDecision {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
