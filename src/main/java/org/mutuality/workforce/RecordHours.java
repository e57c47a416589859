package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Hours to record: a day, a number of hours (more than 0, at most 24, in quarter hours) and what
 * the work was.
 *
 * @throws IllegalArgumentException naming the value that is out of range
 */
public record RecordHours(LocalDate date, BigDecimal hours, String activity) {

    private static final BigDecimal QUARTER = new BigDecimal("0.25");

    public RecordHours {
        Objects.requireNonNull(date, "date is required");
        Objects.requireNonNull(hours, "hours is required");
        Objects.requireNonNull(activity, "activity is required");
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw new IllegalArgumentException("hours must be more than 0 and at most 24, was " + hours);
        }
        if (hours.remainder(QUARTER).signum() != 0) {
            throw new IllegalArgumentException("hours must be in quarter hours (0.25, 0.5, 0.75), was " + hours);
        }
        activity = activity.strip();
        if (activity.isEmpty() || activity.length() > 500) {
            throw new IllegalArgumentException("activity must be 1 to 500 characters, was " + activity.length());
        }
    }
}
