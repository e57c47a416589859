package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;

/** A use of break-the-glass decides its own steps: opened with a reason in words, reviewed once, by someone else. */
class BreakGlassGrantTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final PersonId reader = new PersonId(UUID.randomUUID());
    final PersonId lead = new PersonId(UUID.randomUUID());
    final BreakGlassGrant grant = open("Paramedics called, the care team cannot be reached.");

    @Test
    void opensForItsLifetimeWithTheDetailTrimmed() {
        BreakGlassGrant g = open("  The care team cannot be reached tonight.  ");

        assertThat(g.detail()).isEqualTo("The care team cannot be reached tonight.");
        assertThat(g.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(g.review()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 1001})
    void refusesADetailThatSaysTooLittleOrTooMuch(int length) {
        assertThatThrownBy(() -> open("x".repeat(length)))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("breakGlass.detailLength"));
    }

    @Test
    void isReviewedOnceWithTheReviewersNote() {
        BreakGlassGrant reviewed = grant.review(lead, BreakGlassGrant.Outcome.NOT_JUSTIFIED, " Not urgent. ", NOW);

        assertThat(reviewed.review())
                .isEqualTo(new BreakGlassGrant.Review(BreakGlassGrant.Outcome.NOT_JUSTIFIED, lead, NOW, "Not urgent."));
        assertThatThrownBy(() -> reviewed.review(lead, BreakGlassGrant.Outcome.JUSTIFIED, null, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This use was already reviewed: Not justified.");
    }

    @Test
    void refusesAReviewOfOnesOwnUse() {
        assertThatThrownBy(() -> grant.review(reader, BreakGlassGrant.Outcome.JUSTIFIED, null, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Another privacy lead reviews your own use of break-the-glass.");
    }

    @Test
    void asksWhyAUseWasNotJustified() {
        assertThatThrownBy(() -> grant.review(lead, BreakGlassGrant.Outcome.NOT_JUSTIFIED, "  ", NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Say why the use was not justified.");
        assertThat(grant.review(lead, BreakGlassGrant.Outcome.JUSTIFIED, null, NOW)
                        .review()
                        .note())
                .isNull();
    }

    private BreakGlassGrant open(String detail) {
        return BreakGlassGrant.open(
                reader,
                new PersonId(UUID.randomUUID()),
                RecordKind.CARE_NOTES,
                BreakGlassReason.COVERING_FOR_CARE_TEAM,
                detail,
                false,
                NOW,
                Duration.ofMinutes(30));
    }
}
