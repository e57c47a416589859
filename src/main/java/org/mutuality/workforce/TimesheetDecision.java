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
 * @param message what one side said to the other (a question, an answer, a reason for returning,
 *     a note with a correction): shown to everyone who may see the entry
 */
public record TimesheetDecision(
        UUID id,
        TimesheetEntryId entryId,
        PersonId actor,
        Outcome outcome,
        @Nullable String policyDecision,
        @Nullable String detail,
        @Nullable String message,
        Instant at) {

    /** What happened. */
    public enum Outcome {
        APPROVED,
        REFUSED_BY_POLICY,
        NEEDS_CONSULTATION,
        HANDED_OVER,
        /** The approver asked the worker a question. */
        QUESTIONED,
        /** The worker answered the approver's question. */
        ANSWERED,
        /** The approver returned the hours with a reason. */
        RETURNED,
        /** The worker corrected the hours: a new version. */
        CORRECTED;

        /** Whether the entry changes; otherwise (a refusal, a consultation awaited) only the decision is kept. */
        public boolean movesEntry() {
            return this != REFUSED_BY_POLICY && this != NEEDS_CONSULTATION;
        }
    }
}
