package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** A relationship ends on a day after it started, once (or earlier than it was to end); it is never deleted. */
class RelationshipTests {

    static final LocalDate START = LocalDate.of(2026, 1, 1);

    @Test
    void endsOnTheDayGivenAndKeepsEverythingElse() {
        Relationship friends = relationship(null);

        Relationship ended = friends.end(START.plusDays(30));

        assertThat(ended.endDate()).isEqualTo(START.plusDays(30));
        assertThat(ended).usingRecursiveComparison().ignoringFields("endDate").isEqualTo(friends);
        assertThat(ended.activeOn(START.plusDays(30))).isFalse();
    }

    @Test
    void endsEarlierThanItWasToEnd() {
        assertThat(relationship(START.plusDays(30)).end(START.plusDays(10)).endDate())
                .isEqualTo(START.plusDays(10));
    }

    @Test
    void refusesToEndBeforeItStarted() {
        assertThatThrownBy(() -> relationship(null).end(START.minusDays(1)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("endDate must not be before startDate 2026-01-01");
    }

    @Test
    void refusesToEndWhatHadAlreadyEndedByThen() {
        assertThatThrownBy(() -> relationship(START.plusDays(10)).end(START.plusDays(10)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This relationship already ended on 2026-01-11.");
    }

    @Test
    void parsesAKindIgnoringCaseAndRefusesNoneOrAnUnknownOne() {
        assertThat(RelationshipKind.parse(" friend ")).isEqualTo(RelationshipKind.FRIEND);
        assertThatThrownBy(() -> RelationshipKind.parse(" "))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Choose how the two people are related.");
        assertThatThrownBy(() -> RelationshipKind.parse("<script>"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("kind must be one of [TREATS, ")
                .hasMessageNotContaining("script");
    }

    private static Relationship relationship(@Nullable LocalDate end) {
        PersonId a = new PersonId(UUID.randomUUID());
        return new Relationship(
                RelationshipId.random(),
                new AgencyId(UUID.randomUUID()),
                RelationshipKind.FRIEND,
                a,
                new PersonId(UUID.randomUUID()),
                START,
                end,
                RelationshipSource.DECLARED,
                a,
                Visibility.PARTIES,
                null);
    }
}
