package org.mutuality.directory;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A request to give a person a role, optionally in a program and team.
 *
 * @throws IllegalArgumentException when the end date is before the start date
 */
public record AssignRole(
        Role role,
        @Nullable ProgramId programId,
        @Nullable TeamId teamId,
        LocalDate startDate,
        @Nullable LocalDate endDate) {

    public AssignRole {
        Objects.requireNonNull(role, "role is required");
        Objects.requireNonNull(startDate, "startDate is required");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new BadInputException("role.endsBeforeStart", Explanation.field("endDate"), startDate, endDate);
        }
    }
}
