package org.mutuality.workforce;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * One decision taken on an entry, kept for the record, including approvals the policy refused.
 *
 * @param detail the reason as the reader may see it: as its approver saw it for that approver and
 *     the privacy lead, masked for everyone else
 */
public record TimesheetDecision(
        UUID id,
        TimesheetEntryId entryId,
        PersonId actor,
        Outcome outcome,
        @Nullable String policyDecision,
        @Nullable String detail,
        Instant at) {

    /** What happened. */
    public enum Outcome {
        APPROVED,
        REFUSED_BY_POLICY,
        NEEDS_CONSULTATION,
        HANDED_OVER;

        /** Whether the entry changes (approved, or waiting for someone else); otherwise only the decision is kept. */
        public boolean movesEntry() {
            return this == APPROVED || this == HANDED_OVER;
        }
    }
}
