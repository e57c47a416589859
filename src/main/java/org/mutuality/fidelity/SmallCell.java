package org.mutuality.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A figure about a group of answers or people, and the one rule for small groups: a figure drawn
 * from fewer than {@value #FEWEST} is never shown, neither its count nor what was computed from it;
 * it reads "fewer than 5". Every figure about few people (feedback per worker here, the fidelity
 * review later) goes through this type, so the rule lives in one place.
 *
 * @param count how many answers or people the figure is drawn from (never negative)
 * @param mean their mean, one decimal, or null when there is none
 */
public record SmallCell(
        int count, @org.jspecify.annotations.Nullable BigDecimal mean) {

    /** The fewest answers or people a figure may be shown for. */
    public static final int FEWEST = 5;

    public SmallCell {
        if (count < 0) {
            throw new IllegalStateException("count must not be negative, was " + count);
        }
    }

    /** The count of a group, and no mean. */
    public static SmallCell counting(int count) {
        return new SmallCell(count, null);
    }

    /** The mean of {@code count} values that add up to {@code sum}, to one decimal. */
    public static SmallCell mean(int count, long sum) {
        return new SmallCell(
                count,
                count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP));
    }

    /** Whether the figure must read "fewer than 5": drawn from fewer than {@value #FEWEST}. */
    public boolean suppressed() {
        return count < FEWEST;
    }

    /** The count, only when it may be shown. */
    public OptionalInt shownCount() {
        return suppressed() ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** The mean, only when it may be shown. */
    public Optional<BigDecimal> shownMean() {
        return suppressed() ? Optional.empty() : Optional.ofNullable(mean);
    }
}
