package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.practice.NavigatorAnswers.Answer;
import org.mutuality.practice.NavigatorAnswers.Beneficiary;
import org.mutuality.practice.NavigatorAnswers.BoundaryArea;
import org.mutuality.practice.NavigatorAnswers.Duration;
import org.mutuality.practice.NavigatorAnswers.Ending;
import org.mutuality.practice.NavigatorAnswers.Power;
import org.mutuality.practice.NavigatorSummary.Reading;
import org.mutuality.practice.NavigatorSummary.Suggestion;
import org.mutuality.shared.BadInputException;

class NavigatorTests {

    @ParameterizedTest(name = "{0}/{1}/{2} reads {3}")
    @CsvSource({
        "LITTLE, BRIEF,  CLEAR,     LOW",
        "SOME,   BRIEF,  CLEAR,     MEDIUM",
        "LITTLE, MONTHS, CLEAR,     MEDIUM",
        "LITTLE, BRIEF,  UNCERTAIN, MEDIUM",
        "GREAT,  BRIEF,  CLEAR,     HIGH",
        "LITTLE, LONG,   CLEAR,     HIGH",
        "LITTLE, BRIEF,  OPEN,      HIGH",
        "SOME,   MONTHS, UNCERTAIN, MEDIUM",
        "GREAT,  LONG,   OPEN,      HIGH"
    })
    void readsGottliebsDimensionsAtTheHighestOfTheThree(
            Power power, Duration duration, Ending ending, Reading overall) {
        NavigatorSummary s = Navigator.summarize(answers(power, duration, ending, Answer.NO, Set.of()));

        assertThat(s.overall()).isEqualTo(overall);
    }

    @ParameterizedTest(name = "S{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # situation                                                   | power  | duration | ending    | apa    | beneficiary | avoidable | consulted | areas                          | suggestion
            6  | two peers who became friends, talked through           | LITTLE | MONTHS   | UNCERTAIN | NO     | BOTH        | NO        | YES       | ALTRUISTIC                     | GO_AHEAD_WITH_CARE
            11 | small town, unplanned meetings                          | LITTLE | BRIEF    | CLEAR     | NO     | PARTICIPANT | NO        | YES       | UNAVOIDABLE                    | GO_AHEAD_WITH_CARE
            7  | coffee every week, not yet talked through               | SOME   | MONTHS   | UNCERTAIN | NO     | BOTH        | YES       | UNSURE    | EMOTIONAL_DEPENDENCY           | CONSULT_FIRST
            1  | signing a colleague's hours while treating them         | GREAT  | LONG     | OPEN      | YES    | WORKER      | YES       | NO        | PERSONAL_BENEFIT               | STEP_BACK
            4  | a participant asks a peer out                           | SOME   | MONTHS   | UNCERTAIN | UNSURE | WORKER      | YES       | NO        | INTIMATE                       | STEP_BACK
            8  | a long-time friend now uses the service, unsure of harm | LITTLE | LONG     | OPEN      | UNSURE | BOTH        | NO        | YES       | UNAVOIDABLE                    | CONSULT_FIRST
            """)
    void suggestsTheStrongestStepAnyRuleReaches(
            int situation,
            String description,
            Power power,
            Duration duration,
            Ending ending,
            Answer apa,
            Beneficiary beneficiary,
            Answer avoidable,
            Answer consulted,
            BoundaryArea area,
            Suggestion suggestion) {
        NavigatorAnswers a = new NavigatorAnswers(
                description,
                apa,
                apa,
                apa,
                power,
                duration,
                ending,
                beneficiary,
                avoidable,
                consulted,
                Answer.YES,
                Set.of(area));

        assertThat(Navigator.summarize(a).suggestion()).as("S%d", situation).isEqualTo(suggestion);
    }

    @Test
    void stepsBackFromAnIntimateRelationshipWhateverTheRest() {
        NavigatorSummary s = Navigator.summarize(
                answers(Power.LITTLE, Duration.BRIEF, Ending.CLEAR, Answer.NO, EnumSet.of(BoundaryArea.INTIMATE)));

        assertThat(s.suggestion()).isEqualTo(Suggestion.STEP_BACK);
        assertThat(s.reasons()).contains("navigator.reason.intimate");
    }

    @Test
    void stepsBackWhenTheWorkerSeesARiskOfHarm() {
        NavigatorAnswers a = new NavigatorAnswers(
                null,
                Answer.NO,
                Answer.NO,
                Answer.YES,
                Power.LITTLE,
                Duration.BRIEF,
                Ending.CLEAR,
                Beneficiary.PARTICIPANT,
                Answer.NO,
                Answer.YES,
                Answer.YES,
                Set.of());

        assertThat(Navigator.summarize(a).reasons())
                .containsExactly("navigator.reason.dimensionsLow", "navigator.reason.apaRisk");
    }

    @Test
    void asksForAConsultationWhileNobodyWasAsked() {
        NavigatorAnswers a = new NavigatorAnswers(
                null,
                Answer.NO,
                Answer.NO,
                Answer.NO,
                Power.LITTLE,
                Duration.BRIEF,
                Ending.CLEAR,
                Beneficiary.PARTICIPANT,
                Answer.NO,
                Answer.UNSURE,
                Answer.NO,
                Set.of());

        NavigatorSummary s = Navigator.summarize(a);

        assertThat(s.suggestion()).isEqualTo(Suggestion.CONSULT_FIRST);
        assertThat(s.reasons())
                .containsExactly(
                        "navigator.reason.dimensionsLow",
                        "navigator.reason.noConsultation",
                        "navigator.reason.document");
    }

    @Test
    void goesAheadWithCareWhenEveryAnswerIsReassuring() {
        NavigatorSummary s =
                Navigator.summarize(answers(Power.LITTLE, Duration.BRIEF, Ending.CLEAR, Answer.NO, Set.of()));

        assertThat(s.suggestion()).isEqualTo(Suggestion.GO_AHEAD_WITH_CARE);
        assertThat(s.reasons()).containsExactly("navigator.reason.dimensionsLow");
    }

    @Test
    void refusesASituationOverAThousandCharacters() {
        assertThatThrownBy(() -> new NavigatorAnswers(
                        "a".repeat(1001),
                        Answer.NO,
                        Answer.NO,
                        Answer.NO,
                        Power.LITTLE,
                        Duration.BRIEF,
                        Ending.CLEAR,
                        Beneficiary.BOTH,
                        Answer.NO,
                        Answer.YES,
                        Answer.YES,
                        Set.of()))
                .isInstanceOf(BadInputException.class);
    }

    private static NavigatorAnswers answers(
            Power power, Duration duration, Ending ending, Answer apa, Set<BoundaryArea> areas) {
        return new NavigatorAnswers(
                null,
                apa,
                apa,
                apa,
                power,
                duration,
                ending,
                Beneficiary.BOTH,
                Answer.NO,
                Answer.YES,
                Answer.YES,
                areas);
    }
}
