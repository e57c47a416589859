package org.mutuality.workforce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One week of a person's work, as recorded: the hours on their timesheet (approved or not) beside
 * the direct-support time their support record holds. Two plain figures, side by side; nothing is
 * computed from them (no share, no score, no judgement), since a week spent on training, team work
 * or writing notes is a week of work too.
 *
 * @param monday the first day of the week
 * @param hoursRecorded the hours recorded on its days
 * @param directSupportMinutes the minutes of contacts and groups led on its days
 */
public record WeekOfHours(LocalDate monday, BigDecimal hoursRecorded, int directSupportMinutes) {

    public WeekOfHours {
        Objects.requireNonNull(monday, "monday");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalStateException("a week starts on a Monday, was " + monday);
        }
        if (directSupportMinutes < 0) {
            throw new IllegalStateException("minutes must not be negative, was " + directSupportMinutes);
        }
    }

    /** The last day of the week. */
    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    /** The direct-support time in hours, to the hundredth (90 minutes are 1.50). */
    public BigDecimal directSupportHours() {
        return BigDecimal.valueOf(directSupportMinutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
