package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies hours recorded for one day. */
public record TimesheetEntryId(UUID value) {

    public TimesheetEntryId {
        Objects.requireNonNull(value, "timesheet entry id must not be null");
    }

    public static TimesheetEntryId random() {
        return new TimesheetEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
