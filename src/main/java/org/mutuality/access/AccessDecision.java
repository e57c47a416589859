package org.mutuality.access;

/**
 * The guard's answer: granted on a named basis, or refused with a reason a person can read (a key). A basis
 * that comes from a break-the-glass grant opens the record for reading only: every write path asks
 * {@link #writable()} (or {@link AccessGuard#requireWritable}) and refuses it.
 */
public sealed interface AccessDecision permits AccessDecision.Granted, AccessDecision.Refused {

    boolean allowed();

    /**
     * Whether the basis lets its holder write as well as read: granted, and not through a
     * break-the-glass grant. Each write path may ask for a narrower basis on top of this.
     */
    boolean writable();

    /** Granted, and why: a {@link Basis} the guard found, or the party a module vouched for. */
    record Granted(Basis basis) implements AccessDecision {
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
            return basis == Basis.BREAK_GLASS;
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
