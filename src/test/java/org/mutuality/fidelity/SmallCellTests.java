package org.mutuality.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small-cell rule: a figure drawn from fewer than five is never shown, neither count nor mean. */
class SmallCellTests {

    @ParameterizedTest
    @CsvSource({"0, true", "1, true", "4, true", "5, false", "6, false", "500, false"})
    void suppressesFiguresDrawnFromFewerThanFive(int count, boolean suppressed) {
        SmallCell cell = SmallCell.mean(count, count * 4L);

        assertThat(cell.suppressed()).isEqualTo(suppressed);
        assertThat(cell.shownCount().isPresent()).isEqualTo(!suppressed);
        assertThat(cell.shownMean().isPresent()).isEqualTo(!suppressed && count > 0);
    }

    @Test
    void hidesTheCountAsWellAsTheMean() {
        SmallCell four = SmallCell.mean(4, 20);

        assertThat(four.shownCount()).isEmpty();
        assertThat(four.shownMean()).isEmpty();
    }

    @Test
    void showsTheMeanToOneDecimal() {
        SmallCell five = SmallCell.mean(6, 25);

        assertThat(five.shownCount()).hasValue(6);
        assertThat(five.shownMean()).contains(new BigDecimal("4.2"));
    }

    @Test
    void countsWithoutAMean() {
        assertThat(SmallCell.counting(7).shownCount()).hasValue(7);
        assertThat(SmallCell.counting(7).shownMean()).isEmpty();
        assertThat(SmallCell.counting(3).suppressed()).isTrue();
    }

    @Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> SmallCell.counting(-1)).isInstanceOf(IllegalStateException.class);
    }
}
