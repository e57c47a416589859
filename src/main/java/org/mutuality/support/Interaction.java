package org.mutuality.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;

/**
 * A contact between a peer worker and a participant. Never changed: a correction is a new
 * interaction that {@code amends} the earlier one and replaces it in lists, the original kept.
 */
public record Interaction(
        InteractionId id,
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
        @Nullable SessionId groupSession,
        @Nullable InteractionId amends,
        Instant createdAt) {

    public Interaction {
        topics = Set.copyOf(topics);
    }

    /**
     * A contact the peer worker recorded, on the day it says or today.
     *
     * @throws BadInputException when that day is in the future or over a year ago, or the next
     *     meeting is in the past
     */
    public static Interaction record(
            PersonId participant, PersonId peer, RecordInteraction what, LocalDate today, Instant at) {
        return of(participant, peer, what, what.occurredOn() == null ? today : what.occurredOn(), null, today, at);
    }

    /**
     * A correction of this contact: a new entry that replaces it in lists, on this contact's day
     * unless it says another.
     *
     * @throws BadInputException as {@link #record} does
     */
    public Interaction amend(PersonId by, RecordInteraction what, LocalDate today, Instant at) {
        return of(participant, by, what, what.occurredOn() == null ? occurredOn : what.occurredOn(), id, today, at);
    }

    private static Interaction of(
            PersonId participant,
            PersonId peer,
            RecordInteraction what,
            LocalDate on,
            @Nullable InteractionId amends,
            LocalDate today,
            Instant at) {
        if (on.isAfter(today)) {
            throw new BadInputException("interaction.inFuture", on.toString());
        }
        if (on.isBefore(today.minusYears(1))) {
            throw new BadInputException("interaction.tooLongAgo", on.toString());
        }
        if (what.nextMeeting() != null && what.nextMeeting().toLocalDate().isBefore(today)) {
            throw new BadInputException(
                    "interaction.nextMeetingPast", what.nextMeeting().toString());
        }
        return new Interaction(
                InteractionId.random(),
                participant,
                peer,
                what.kind(),
                on,
                what.durationMinutes(),
                what.place(),
                what.topics(),
                what.livedExperienceShared(),
                what.note(),
                what.nextMeeting(),
                null,
                amends,
                at);
    }
}
