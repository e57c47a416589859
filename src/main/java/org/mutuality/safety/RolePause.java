package org.mutuality.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.support.Pauses;

/**
 * A pause of part of someone's role, not an end: what is paused, the confidential reason, the
 * person's own note, and the return plan (steps and a date).
 */
public record RolePause(
        UUID id,
        PersonId person,
        Set<Pauses.Scope> scopes,
        String reason,
        @Nullable String personNote,
        PersonId pausedBy,
        LocalDate pausedOn,
        @Nullable LocalDate returnOn,
        @Nullable LocalDate returnedOn,
        List<Step> steps,
        int version) {

    public RolePause {
        scopes = Set.copyOf(scopes);
        steps = List.copyOf(steps);
    }

    public boolean active() {
        return returnedOn == null;
    }

    /** One step of the return plan. */
    public record Step(
            UUID id, int position, String text, @Nullable LocalDate doneOn) {}
}
