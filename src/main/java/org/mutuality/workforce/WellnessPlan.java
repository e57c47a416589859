package org.mutuality.workforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A staff member's wellness plan as one reader may see it: its sections and the accommodations the
 * person asked for. The person sees all of it; their supervisor sees {@link #sharedWithSupervisor}.
 * It is never a condition of anything: no other module reads it, and it reaches no report or export.
 */
public record WellnessPlan(PersonId person, List<WellnessItem> sections, List<Accommodation> accommodations) {

    public WellnessPlan {
        Objects.requireNonNull(person, "person");
        sections = List.copyOf(sections);
        accommodations = List.copyOf(accommodations);
    }

    /**
     * Only what the person shares with the supervisor reading, item by item: each shared on or after
     * the day that supervisor began supervising them, so a share reaches the supervisors it was made
     * to and never one assigned later (as a journal entry does, ADR 0018).
     */
    public WellnessPlan sharedWithSupervisor(LocalDate supervisedSince, ZoneId zone) {
        return new WellnessPlan(
                person,
                sections.stream()
                        .filter(s -> sharedSince(s.sharedAt(), supervisedSince, zone))
                        .toList(),
                accommodations.stream()
                        .filter(a -> sharedSince(a.sharedAt(), supervisedSince, zone))
                        .toList());
    }

    /** Whether the person wrote nothing. */
    public boolean isEmpty() {
        return sections.isEmpty() && accommodations.isEmpty();
    }

    private static boolean sharedSince(@Nullable Instant sharedAt, LocalDate since, ZoneId zone) {
        return sharedAt != null && !LocalDate.ofInstant(sharedAt, zone).isBefore(since);
    }
}
