package org.mutuality.directory;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One role a person holds, optionally in a program and team, from a start date to an optional end
 * date (inclusive). Ended roles are kept as history.
 */
public record PersonRole(
        RoleId id,
        Role role,
        @Nullable ProgramId programId,
        @Nullable TeamId teamId,
        LocalDate startDate,
        @Nullable LocalDate endDate) {

    public PersonRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(startDate, "startDate");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException(
                    "endDate must not be before startDate " + startDate + ", was " + endDate);
        }
    }

    /** Whether the role is held on the given day. */
    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
