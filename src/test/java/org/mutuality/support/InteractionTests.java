package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;

/** Recording and correcting a contact, without Spring. */
class InteractionTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");
    static final PersonId PARTICIPANT = PersonId.random();
    static final PersonId PEER = PersonId.random();

    @Test
    void aContactWithoutADateHappenedToday() {
        Interaction i = Interaction.record(PARTICIPANT, PEER, what(null, null), TODAY, AT);

        assertThat(i.occurredOn()).isEqualTo(TODAY);
        assertThat(i.participant()).isEqualTo(PARTICIPANT);
        assertThat(i.peer()).isEqualTo(PEER);
        assertThat(i.amends()).isNull();
        assertThat(i.createdAt()).isEqualTo(AT);
    }

    @Test
    void aContactHappenedWithinTheLastYearAndNotInTheFuture() {
        assertThat(Interaction.record(PARTICIPANT, PEER, what(TODAY.minusYears(1), null), TODAY, AT)
                        .occurredOn())
                .isEqualTo(TODAY.minusYears(1));
        assertThatThrownBy(() -> Interaction.record(PARTICIPANT, PEER, what(TODAY.plusDays(1), null), TODAY, AT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("occurredOn must not be in the future, was 2026-03-03");
        assertThatThrownBy(() -> Interaction.record(
                        PARTICIPANT, PEER, what(TODAY.minusYears(1).minusDays(1), null), TODAY, AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("within the last year");
    }

    @Test
    void theNextMeetingIsTodayOrLater() {
        LocalDateTime thisMorning = LocalDateTime.of(TODAY, LocalTime.of(8, 0));

        assertThat(Interaction.record(PARTICIPANT, PEER, what(null, thisMorning), TODAY, AT)
                        .nextMeeting())
                .isEqualTo(thisMorning);
        assertThatThrownBy(() -> Interaction.record(PARTICIPANT, PEER, what(null, thisMorning.minusDays(1)), TODAY, AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nextMeeting");
    }

    @Test
    void aCorrectionIsANewEntryThatAmendsTheOriginalOnItsDay() {
        Interaction original = Interaction.record(PARTICIPANT, PEER, what(TODAY.minusDays(10), null), TODAY, AT);
        PersonId colleague = PersonId.random();

        Interaction amended = original.amend(colleague, what(null, null), TODAY, AT.plusSeconds(60));

        assertThat(amended.id()).isNotEqualTo(original.id());
        assertThat(amended.amends()).isEqualTo(original.id());
        assertThat(amended.occurredOn()).as("the original's day").isEqualTo(TODAY.minusDays(10));
        assertThat(amended.participant()).isEqualTo(PARTICIPANT);
        assertThat(amended.peer()).isEqualTo(colleague);
        assertThat(original.amend(PEER, what(TODAY, null), TODAY, AT).occurredOn())
                .isEqualTo(TODAY);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 721})
    void aContactLastsOneToSevenHundredTwentyMinutes(int minutes) {
        assertThatThrownBy(() -> new RecordInteraction(
                        InteractionKind.PHONE_CALL, null, minutes, null, Set.of(), false, null, null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("durationMinutes must be 1 to 720, was " + minutes);
    }

    @Test
    void blankTextIsNoTextAndLongTextIsRefused() {
        RecordInteraction blank =
                new RecordInteraction(InteractionKind.PHONE_CALL, null, 10, "  ", Set.of(), false, " ", null);

        assertThat(blank.place()).isNull();
        assertThat(blank.note()).isNull();
        assertThatThrownBy(() -> new RecordInteraction(
                        InteractionKind.PHONE_CALL, null, 10, null, Set.of(), false, "x".repeat(2001), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("note must be at most");
    }

    private static RecordInteraction what(@Nullable LocalDate on, @Nullable LocalDateTime next) {
        return new RecordInteraction(
                InteractionKind.ONE_TO_ONE, on, 45, " Library ", Set.of(Topic.WELLBEING), false, "We walked.", next);
    }
}
