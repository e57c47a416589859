package org.mutuality.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a peer worker enters to record an interaction. Checks its own values; the date against today
 * is checked by {@link Interactions}.
 *
 * @throws IllegalArgumentException when a value is out of range
 */
public record RecordInteraction(
        InteractionKind kind,
        @Nullable LocalDate occurredOn,
        int durationMinutes,
        @Nullable String place,
        Set<Topic> topics,
        boolean livedExperienceShared,
        @Nullable String note,
        @Nullable LocalDateTime nextMeeting) {

    public RecordInteraction {
        Objects.requireNonNull(kind, "kind is required");
        if (durationMinutes < 1 || durationMinutes > 720) {
            throw new IllegalArgumentException("durationMinutes must be 1 to 720, was " + durationMinutes);
        }
        place = blankToNull(Codes.text(place, "place", 200, false));
        note = blankToNull(Codes.text(note, "note", 2000, false));
        topics = Set.copyOf(topics);
    }

    private static @Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
