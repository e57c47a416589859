package org.mutuality.access;

/**
 * The guard's answer: granted on a named basis, or refused with a reason a person can read (a key). A basis
 * that comes from a break-the-glass grant opens the record for reading only: every write path asks
 * {@link #writable()} (or {@link AccessGuard#requireWritable}) and refuses it.
 */
public sealed interface AccessDecision permits AccessDecision.Granted, AccessDecision.Refused {

    /** The basis of a grant made through break-the-glass. */
    String BREAK_GLASS = "BREAK_GLASS";

    boolean allowed();

    /**
     * Whether the basis lets its holder write as well as read: granted, and not through a
     * break-the-glass grant. Each write path may ask for a narrower basis on top of this.
     */
    boolean writable();

    /** Granted, and why: {@code SELF}, {@code CIRCLE_OF_CARE}, {@code ASSIGNMENT}, {@code SUPERVISION_OF_ASSIGNED_WORKER},
     * {@code BREAK_GLASS}.
     */
    record Granted(String basis) implements AccessDecision {
        @Override
        public boolean allowed() {
            return true;
        }

        @Override
        public boolean writable() {
            return !fromGrant();
        }

        /** Whether the basis is a break-the-glass grant, which opens a record for reading only. */
        public boolean fromGrant() {
            return BREAK_GLASS.equals(basis);
        }
    }

    /**
     * Refused, and why: a key of {@code messages.properties} ({@code access.noBasis}, {@code
     * access.withheld}), shown in the reader's language. The reason names no relationship the reader
     * may not know about.
     */
    record Refused(String reason) implements AccessDecision {
        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public boolean writable() {
            return false;
        }
    }
}
