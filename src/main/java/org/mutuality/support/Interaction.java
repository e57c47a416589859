package org.mutuality.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A contact between a peer worker and a participant. Never changed: a correction is a new
 * interaction that {@code amends} the earlier one and replaces it in lists, the original kept.
 */
public record Interaction(
        UUID id,
        PersonId participant,
        PersonId peer,
        InteractionKind kind,
        LocalDate occurredOn,
        int durationMinutes,
        @Nullable String place,
        Set<Topic> topics,
        boolean livedExperienceShared,
        @Nullable String note,
        @Nullable LocalDateTime nextMeeting,
        @Nullable UUID groupSession,
        @Nullable UUID amends,
        Instant createdAt) {

    public Interaction {
        topics = Set.copyOf(topics);
    }
}
