package org.mutuality.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * What a peer worker enters to record an interaction. Checks its own values; the date against today
 * is checked by {@link Interaction#record}.
 *
 * @throws BadInputException when a value is out of range
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

    /** The longest contact or group session, in minutes: a long day. */
    public static final int MAX_MINUTES = 720;

    public RecordInteraction {
        Objects.requireNonNull(kind, "kind is required");
        requireMinutes(durationMinutes);
        place = Text.optional("place", place, Text.Limit.NAME);
        note = Text.optional("note", note, Text.Limit.MESSAGE);
        topics = Set.copyOf(topics);
    }

    /**
     * Refuses a duration outside 1 to {@value #MAX_MINUTES} minutes.
     *
     * @throws BadInputException naming the duration
     */
    static void requireMinutes(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new BadInputException("support.durationMinutes", String.valueOf(minutes));
        }
    }
}
