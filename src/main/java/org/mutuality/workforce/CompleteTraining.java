package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A training someone completed, to record: which entry of the catalogue, the day, who gave it (1 to
 * 200 characters), how many hours (more than 0, at most 1,000, to the hundredth), and when it expires
 * if the certificate says so (otherwise the entry's renewal decides).
 *
 * @throws BadInputException naming the value that is out of range
 */
public record CompleteTraining(
        TrainingId training,
        LocalDate completedOn,
        String provider,
        BigDecimal hours,
        @Nullable LocalDate expiresOn) {

    /** The most hours one training may count. */
    public static final BigDecimal MAX_HOURS = BigDecimal.valueOf(1000);

    public CompleteTraining {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(completedOn, "completedOn");
        Objects.requireNonNull(hours, "hours");
        provider = Text.required("provider", provider, Text.Limit.NAME);
        Text.checkedLine("provider", provider);
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new BadInputException("training.hoursRange", Explanation.field("hours"), MAX_HOURS, hours);
        }
        if (hours.stripTrailingZeros().scale() > 2) {
            throw new BadInputException("training.hoursPrecision", Explanation.field("hours"), hours);
        }
        if (expiresOn != null && !expiresOn.isAfter(completedOn)) {
            throw new BadInputException(
                    "training.expiresBeforeCompleted", Explanation.field("expiresOn"), completedOn, expiresOn);
        }
    }

    /**
     * As a form sends it: the hours as typed ("3.5" or "3,5").
     *
     * @throws BadInputException when the training, the day or the hours are missing, or the hours
     *     are no number
     */
    public static CompleteTraining typed(
            @Nullable TrainingId training,
            @Nullable LocalDate completedOn,
            @Nullable String provider,
            @Nullable String hours,
            @Nullable LocalDate expiresOn) {
        if (training == null) {
            throw new BadInputException("text.required", Explanation.field("trainingId"));
        }
        if (completedOn == null) {
            throw new BadInputException("text.required", Explanation.field("completedOn"));
        }
        String amount = Text.trimmed(hours).replace(',', '.');
        if (amount.isEmpty()) {
            throw new BadInputException("text.required", Explanation.field("hours"));
        }
        BigDecimal number;
        try {
            number = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new BadInputException("training.hoursNotANumber", Explanation.field("hours"));
        }
        return new CompleteTraining(training, completedOn, Text.trimmed(provider), number, expiresOn);
    }
}
