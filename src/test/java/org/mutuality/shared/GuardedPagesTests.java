package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A page is cut after the guard has answered: refused rows never shorten a page nor show in it, and
 * every row's read is audited exactly once over a walk through all the pages.
 */
class GuardedPagesTests {

    /** Rows 99 down to 0, newest first; the guard refuses every row divisible by {@code refusedEvery}. */
    private final List<Integer> rows =
            IntStream.iterate(99, i -> i >= 0, i -> i - 1).boxed().toList();

    private final List<Integer> audited = new ArrayList<>();

    @ParameterizedTest
    @CsvSource({"1, 3", "7, 3", "7, 2", "10, 100", "30, 7", "200, 3", "5, 1000"})
    void fillsEveryPageButTheLastAndAuditsEachRowOnce(int limit, int refusedEvery) {
        List<Integer> shown = new ArrayList<>();
        @Nullable Integer after = null;
        int pages = 0;
        do {
            Page<Integer> page = page(after, limit, refusedEvery);
            shown.addAll(page.items());
            pages++;
            if (page.next() != null) {
                assertThat(page.items())
                        .as("a page followed by another is full")
                        .hasSize(limit);
                after = Integer.valueOf(page.next().keys().get(0));
            } else {
                after = null;
            }
        } while (after != null);

        List<Integer> allowed = rows.stream().filter(r -> r % refusedEvery != 0).toList();
        assertThat(shown).isEqualTo(allowed);
        assertThat(pages).isEqualTo(Math.max(1, (allowed.size() + limit - 1) / limit));
        assertThat(audited).containsExactlyElementsOf(rows);
    }

    @Test
    void aPageOfOnlyRefusedRowsIsEmptyAndLast() {
        Page<Integer> page = page(null, 10, 1);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
        assertThat(audited).containsExactlyElementsOf(rows);
    }

    private Page<Integer> page(@Nullable Integer after, int limit, int refusedEvery) {
        return GuardedPages.walk(
                after,
                limit,
                (from, fetch) -> rows.stream()
                        .filter(r -> from == null || r < from)
                        .limit(fetch)
                        .toList(),
                r -> r,
                r -> PageCursor.of(r),
                r -> new GuardedPages.Read<>(r % refusedEvery == 0 ? null : r, () -> audited.add(r)));
    }
}
