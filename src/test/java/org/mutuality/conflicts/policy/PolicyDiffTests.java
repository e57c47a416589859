package org.mutuality.conflicts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyDiffTests {

    @Test
    void findsNothingBetweenTheSameTextWhateverItsLineEnds() {
        assertThat(PolicyDiff.between("a\nb\n", "a\r\nb\r\n")).isEmpty();
    }

    @Test
    void marksRemovedAndAddedLinesWithTheirNumbersAndFoldsWhatDidNotChange() {
        String older = lines(1, 20);
        String newer = older.replace("line 10\n", "line ten\n").replace("line 15\n", "");

        List<PolicyDiff.Line> diff = PolicyDiff.between(older, newer);

        assertThat(diff)
                .contains(
                        new PolicyDiff.Line(PolicyDiff.Kind.REMOVED, 10, 0, "line 10", 0),
                        new PolicyDiff.Line(PolicyDiff.Kind.ADDED, 0, 10, "line ten", 0),
                        new PolicyDiff.Line(PolicyDiff.Kind.REMOVED, 15, 0, "line 15", 0),
                        new PolicyDiff.Line(PolicyDiff.Kind.SAME, 16, 15, "line 16", 0));
        assertThat(diff.get(0)).isEqualTo(new PolicyDiff.Line(PolicyDiff.Kind.FOLDED, 0, 0, "", 7));
        assertThat(diff.get(diff.size() - 1).kind()).isEqualTo(PolicyDiff.Kind.FOLDED);
        assertThat(diff.stream().filter(l -> l.kind() == PolicyDiff.Kind.SAME))
                .hasSize(8); // 8, 9 | 11, 12, 13, 14 | 16, 17
    }

    @Test
    void comparesTwoLongTextsWithoutATableTheirSizeSquared() {
        String older = lines(1, 30_000);
        String newer = lines(30_001, 60_000);

        List<PolicyDiff.Line> diff = PolicyDiff.between(older, newer);

        assertThat(diff.stream().filter(l -> l.kind() == PolicyDiff.Kind.REMOVED))
                .hasSize(30_000);
        assertThat(diff.stream().filter(l -> l.kind() == PolicyDiff.Kind.ADDED)).hasSize(30_000);
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }
}
