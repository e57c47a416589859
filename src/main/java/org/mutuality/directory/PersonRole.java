package org.mutuality.directory;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * One role a person holds, optionally in a program and team, from its start date until its end date:
 * a role ended on a day is no longer held that day, so ending a role today takes effect at once.
 * Ended roles are kept as history. A privileged role proposed by one person is not held until a
 * second person confirms it ({@link #awaitingConfirmation()}).
 */
public record PersonRole(
        RoleId id,
        Role role,
        @Nullable ProgramId programId,
        @Nullable TeamId teamId,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable PersonId proposedBy,
        boolean awaitingConfirmation) {

    public PersonRole {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(startDate, "startDate");
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new BadInputException("role.endsBeforeStart", Explanation.field("endDate"), startDate, endDate);
        }
    }

    /** A role held without waiting for anyone, as imported or given at set-up. */
    public PersonRole(
            RoleId id,
            Role role,
            @Nullable ProgramId programId,
            @Nullable TeamId teamId,
            LocalDate startDate,
            @Nullable LocalDate endDate) {
        this(id, role, programId, teamId, startDate, endDate, null, false);
    }

    /** Whether the role is held on the given day: confirmed, started, and not yet ended. */
    public boolean activeOn(LocalDate day) {
        return !awaitingConfirmation && !startDate.isAfter(day) && (endDate == null || endDate.isAfter(day));
    }

    /**
     * Why {@code confirmer} may not confirm this role of {@code holder}, as a message key, or null when they may: it must
     * be awaiting confirmation, and the confirmer is neither the person who proposed it nor the person
     * who would hold it.
     */
    public @Nullable String whyNotConfirmableBy(PersonId confirmer, PersonId holder) {
        if (!awaitingConfirmation) {
            return "role.notWaiting";
        }
        if (confirmer.equals(holder)) {
            return "role.notConfirmedByThemselves";
        }
        if (confirmer.equals(proposedBy)) {
            return "role.notConfirmedByWhoProposed";
        }
        return null;
    }
}
