package org.mutuality.workforce;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/** One decision taken on an entry, kept for the record, including approvals the policy refused. */
public record TimesheetDecision(
        UUID id,
        UUID entryId,
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
        HANDED_OVER
    }
}
