package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/** Hours a person worked on one day, waiting for approval or approved. */
public record TimesheetEntry(
        UUID id,
        PersonId person,
        LocalDate date,
        BigDecimal hours,
        String activity,
        Status status,
        @Nullable PersonId approver,
        @Nullable PersonId decidedBy,
        @Nullable Instant decidedAt) {

    /** Where an entry is in its approval. */
    public enum Status {
        SUBMITTED,
        APPROVED
    }
}
