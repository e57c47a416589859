package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;

/** What the strictest of several answers is about, so that a consultation can clear it, without Spring. */
class ConflictDecisionTests {

    static final PersonId HANDLER = PersonId.random();
    static final PersonId PEER = PersonId.random();
    static final PersonId PARTICIPANT = PersonId.random();

    @Test
    void theGenericWordsForAHiddenRelationshipSayWhatTheDecisionSays() {
        assertThat(ConflictDecision.Reason.hidden(Decision.BLOCK, java.util.Locale.ENGLISH)
                        .explanation())
                .contains("someone else should take this action");
        assertThat(ConflictDecision.Reason.hidden(Decision.CONSULT, java.util.Locale.ENGLISH)
                        .explanation())
                .contains("consultation")
                .doesNotContain("someone else");
        assertThat(ConflictDecision.Reason.hidden(Decision.WARN, java.util.Locale.FRENCH)
                        .explanation())
                .contains("prudence")
                .doesNotContain("autre personne");
    }

    @Test
    void isAboutTheOnePairingThatAsksForCare() {
        ConflictDecision strictest = ConflictDecision.strictest(
                List.of(answer(PEER, Decision.ALLOW), answer(PARTICIPANT, Decision.CONSULT)));

        assertThat(strictest.decision()).isEqualTo(Decision.CONSULT);
        assertThat(strictest.about()).isEqualTo(about(PARTICIPANT));
    }

    @Test
    void isAboutNoOnePairingWhenSeveralAskForCare() {
        ConflictDecision strictest =
                ConflictDecision.strictest(List.of(answer(PEER, Decision.WARN), answer(PARTICIPANT, Decision.CONSULT)));

        assertThat(strictest.decision()).isEqualTo(Decision.CONSULT);
        assertThat(strictest.about()).isNull();
    }

    @Test
    void isAboutTheSinglePairingItWasAskedAboutEvenWhenItAllows() {
        assertThat(ConflictDecision.strictest(List.of(answer(PEER, Decision.ALLOW)))
                        .about())
                .isEqualTo(about(PEER));
        assertThat(ConflictDecision.strictest(
                                List.of(answer(PEER, Decision.ALLOW), answer(PARTICIPANT, Decision.ALLOW)))
                        .about())
                .isNull();
        assertThat(ConflictDecision.strictest(List.of()).about()).isNull();
    }

    @Test
    void keepsWhatItIsAboutWithoutItsAlternatives() {
        ConflictDecision lone =
                ConflictDecision.strictest(List.of(answer(PEER, Decision.WARN))).withoutAlternatives();

        assertThat(lone.alternatives()).isEmpty();
        assertThat(lone.about()).isEqualTo(about(PEER));
    }

    private static ConflictDecision answer(PersonId subject, Decision decision) {
        return new ConflictDecision(
                decision,
                decision == Decision.ALLOW
                        ? List.of()
                        : List.of(new ConflictDecision.Reason("rule", decision, "FRIEND", "Friends.", List.of(), null)),
                List.of(new ConflictDecision.Alternative(PersonId.random(), "Someone", false, 0)),
                about(subject));
    }

    private static ConflictDecision.About about(PersonId subject) {
        return new ConflictDecision.About(Action.INVESTIGATE_INCIDENT, HANDLER, subject);
    }
}
