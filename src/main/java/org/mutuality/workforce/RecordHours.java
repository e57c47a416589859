package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * Hours to record: a day, a number of hours (more than 0, at most 24, in quarter hours) and what
 * the work was (1 to 500 characters, trimmed).
 *
 * @throws BadInputException naming the value that is out of range
 */
public record RecordHours(LocalDate date, BigDecimal hours, String activity) {

    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal DAY = BigDecimal.valueOf(24);

    public RecordHours {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
        if (hours.signum() <= 0 || hours.compareTo(DAY) > 0) {
            throw new BadInputException("timesheet.hoursOutOfRange", hours);
        }
        if (hours.remainder(QUARTER).signum() != 0) {
            throw new BadInputException("timesheet.quarterHours", hours);
        }
        activity = Text.required("activity", activity, Text.Limit.SHORT);
    }

    /**
     * Hours as a form sends them: the number as typed ("3.5" or "3,5").
     *
     * @throws BadInputException when the day or the hours are missing, or the hours are no number
     */
    public static RecordHours typed(@Nullable LocalDate date, @Nullable String hours, @Nullable String activity) {
        String amount = Text.trimmed(hours).replace(',', '.');
        if (date == null || amount.isEmpty()) {
            throw new BadInputException("timesheet.dayAndHours");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new BadInputException("timesheet.hoursNotANumber");
        }
        return new RecordHours(date, number, Text.trimmed(activity));
    }
}
