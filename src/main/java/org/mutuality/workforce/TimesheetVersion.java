package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.mutuality.directory.PersonId;

/**
 * A version of an entry that a correction replaced, kept as it was: what the approver questioned
 * or returned, beside what the worker then recorded.
 *
 * @param replacedBy who corrected it (the worker)
 */
public record TimesheetVersion(
        int version, LocalDate date, BigDecimal hours, String activity, PersonId replacedBy, Instant replacedAt) {}
