package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;

/** The versions of a code of conduct and the attestations to them, without Spring. */
class ConductVersionTests {

    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    static final PersonId LEAD = new PersonId(UUID.randomUUID());
    static final PersonId PEER = new PersonId(UUID.randomUUID());
    static final ConductText STARTING =
            new ConductText("# Our code\n\nWe meet as equals.", "# Notre code\n\nD’égal à égal.");
    static final ConductText EDITED =
            new ConductText("# Our code\n\nWe meet as equals, always.", "# Notre code\n\nD’égal à égal, toujours.");

    @Test
    void startsWithMutualitysTextAsVersionOnePublishedByNoOne() {
        ConductVersion first = ConductVersion.starting(STARTING, AT);

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.isStartingText()).isTrue();
        assertThat(first.publishedBy()).isNull();
        assertThat(first.reason()).isNull();
    }

    @Test
    void publishesAnEditAsTheNextVersionAndLeavesTheEarlierOneAsItWas() {
        ConductVersion first = ConductVersion.starting(STARTING, AT);

        ConductVersion second = first.next(EDITED, LEAD, "  Adds always  ", AT.plusSeconds(60));

        assertThat(second.number()).isEqualTo(2);
        assertThat(second.text()).isEqualTo(EDITED);
        assertThat(second.reason()).isEqualTo("Adds always");
        assertThat(second.publishedBy()).isEqualTo(LEAD);
        assertThat(second.isStartingText()).isFalse();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.text()).isEqualTo(STARTING);
        assertThat(second.next(STARTING, LEAD, "Back to the start", AT).number())
                .isEqualTo(3);
    }

    @Test
    void refusesAnEditWithoutAReason() {
        ConductVersion first = ConductVersion.starting(STARTING, AT);

        assertThatThrownBy(() -> first.next(EDITED, LEAD, "   ", AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> first.next(EDITED, LEAD, null, AT)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> first.next(EDITED, LEAD, "x".repeat(1001), AT)).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAnEditThatChangesNothing() {
        ConductVersion first = ConductVersion.starting(STARTING, AT);

        assertThatThrownBy(() ->
                        first.next(new ConductText(STARTING.en() + "  ", " " + STARTING.fr()), LEAD, "Same again", AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("same as version 1");
    }

    @ParameterizedTest(name = "en={0} fr={1}")
    @CsvSource({
        "'', 'Un texte assez long en français.'",
        "'A long enough text in English.', ''",
        "'Too short', 'Un texte assez long en français.'",
        "'A long enough text in English.', 'Trop court'"
    })
    void refusesATextMissingOrTooShortInEitherLanguage(String en, String fr) {
        assertThatThrownBy(() -> new ConductText(en, fr)).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesATextOverTwentyThousandCharacters() {
        assertThatThrownBy(() -> new ConductText("x".repeat(20_001), STARTING.fr()))
                .isInstanceOf(BadInputException.class);
        assertThat(new ConductText("x".repeat(20_000), STARTING.fr()).en()).hasSize(20_000);
    }

    @Test
    void givesTheFrenchTextToAFrenchReaderAndTheEnglishToEveryoneElse() {
        assertThat(STARTING.in(Locale.FRENCH)).isEqualTo(STARTING.fr());
        assertThat(STARTING.in(Locale.CANADA_FRENCH)).isEqualTo(STARTING.fr());
        assertThat(STARTING.in(Locale.ENGLISH)).isEqualTo(STARTING.en());
        assertThat(STARTING.in(Locale.GERMAN)).isEqualTo(STARTING.en());
    }

    @Test
    void attestsTheCurrentVersion() {
        ConductVersion second = ConductVersion.starting(STARTING, AT).next(EDITED, LEAD, "Edit", AT);

        Attestation attestation = second.attest(PEER, 2, AT.plusSeconds(5));

        assertThat(attestation).isEqualTo(new Attestation(PEER, 2, AT.plusSeconds(5)));
    }

    @Test
    void refusesToAttestAnEarlierVersionNamingTheCurrentOne() {
        ConductVersion second = ConductVersion.starting(STARTING, AT).next(EDITED, LEAD, "Edit", AT);

        assertThatThrownBy(() -> second.attest(PEER, 1, AT))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Version 1 is not the current version: attest version 2.");
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"0", "-1", "3", "99"})
    void refusesToAttestAVersionThatDoesNotExist(int version) {
        ConductVersion second = ConductVersion.starting(STARTING, AT).next(EDITED, LEAD, "Edit", AT);

        assertThatThrownBy(() -> second.attest(PEER, version, AT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void refusesAVersionWithAReasonButNoAuthorOrNumberedBelowOne() {
        assertThatThrownBy(() -> new ConductVersion(2, EDITED, "why", null, AT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ConductVersion(0, EDITED, null, null, AT))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "current {0}, attested {1}, staff {2}: due {3}")
    @CsvSource({"1, , true, true", "2, 1, true, true", "2, 2, true, false", "1, , false, false", "3, 1, false, false"})
    void isDueForStaffWhoHaveNotAttestedTheCurrentVersion(int current, Integer attested, boolean staff, boolean due) {
        assertThat(new AttestationStatus(current, attested, staff).due()).isEqualTo(due);
    }
}
