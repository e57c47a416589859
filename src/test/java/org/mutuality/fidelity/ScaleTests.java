package org.mutuality.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.shared.BadInputException;

/** Scoring a questionnaire: the sum of the answers times the factor, and what answers are refused. */
class ScaleTests {

    static List<Integer> answers(String csv) {
        return Arrays.stream(csv.split(" ")).map(Integer::valueOf).toList();
    }

    @ParameterizedTest
    @CsvSource({
        "5 5 5 5 5, 25, 100",
        "0 0 0 0 0, 0, 0",
        "3 2 4 1 3, 13, 52",
        "1 2 1 2 2, 8, 32",
    })
    void scoresTheWho5AsTheRawSumTimesFour(String given, int raw, int scaled) {
        assertThat(Scale.who5().score(answers(given))).isEqualTo(new Score(raw, scaled));
    }

    @Test
    void refusesAnUnansweredItem() {
        assertThatThrownBy(() -> Scale.who5().score(answers("5 5 5 5")))
                .isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).explanation().key())
                .isEqualTo("questionnaire.everyItem");
    }

    @Test
    void refusesAValueNoOptionOffersNamingTheItem() {
        assertThatThrownBy(() -> Scale.who5().score(answers("5 5 6 5 5")))
                .isInstanceOf(BadInputException.class)
                .extracting(e -> ((BadInputException) e).explanation().arguments()[0])
                .isEqualTo(3);
    }

    @Test
    void refusesAMissingValue() {
        assertThatThrownBy(() -> Scale.who5().score(Arrays.asList(5, null, 5, 5, 5)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void scoresAnAgencyScaleWithItsOwnOptionsAndNoFactor() {
        Scale mine = new Scale(
                "HOPE-3",
                new Wording("Hope", "Espoir"),
                List.of(new Wording("a", "a"), new Wording("b", "b"), new Wording("c", "c")),
                List.of(new Scale.Option(1, new Wording("No", "Non")), new Scale.Option(3, new Wording("Yes", "Oui"))),
                1,
                30);

        assertThat(mine.score(answers("1 3 3"))).isEqualTo(new Score(7, 7));
        assertThat(mine.highest()).isEqualTo(9);
        assertThatThrownBy(() -> mine.score(answers("1 2 3"))).isInstanceOf(BadInputException.class);
    }

    @Test
    void keepsTheWho5StructureWithoutItsWording() {
        Scale who5 = Scale.who5();

        assertThat(who5.items()).hasSize(5);
        assertThat(who5.options()).extracting(Scale.Option::value).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(who5.highest()).isEqualTo(100);
        assertThat(who5.worded()).isFalse();
        assertThat(who5.sameStructureAs(Scale.who5())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"who5", "'WHO 5'", "''", "ABCDEFGHIJKLMNOPQRSTU"})
    void refusesABadCode(String code) {
        assertThatThrownBy(() -> new Scale(
                        code,
                        Scale.who5().title(),
                        Scale.who5().items(),
                        Scale.who5().options(),
                        4,
                        14))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesTwoOptionsWithOneValue() {
        assertThatThrownBy(() -> new Scale(
                        "X",
                        new Wording("x", "x"),
                        List.of(new Wording("a", "a")),
                        List.of(new Scale.Option(1, Wording.none()), new Scale.Option(1, Wording.none())),
                        1,
                        14))
                .isInstanceOf(BadInputException.class);
    }
}
