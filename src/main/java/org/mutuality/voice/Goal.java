package org.mutuality.voice;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A goal of a recovery plan, in the participant's own words, in an area they chose, with its steps
 * and the date they set.
 *
 * @param target the date the participant set for it, or null
 */
public record Goal(
        GoalId id, LifeArea area, String words, @Nullable LocalDate target, List<Step> steps) {

    /** The most steps a goal holds. */
    public static final int MAX_STEPS = 30;

    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(words, "words");
        steps = List.copyOf(steps);
    }

    /**
     * A goal as the participant writes it.
     *
     * @throws BadInputException when the words are blank or too long, or there are too many steps
     */
    public static Goal write(
            String field,
            GoalId id,
            @Nullable LifeArea area,
            @Nullable String words,
            @Nullable LocalDate target,
            List<Step> steps) {
        if (area == null) {
            throw new BadInputException("text.required", Explanation.field(field + ".area"));
        }
        if (steps.size() > MAX_STEPS) {
            throw new BadInputException("voice.tooManySteps", MAX_STEPS, steps.size());
        }
        return new Goal(id, area, Text.required(field + ".words", words, Text.Limit.NOTE), target, steps);
    }

    /** The same goal with one more step at the end. */
    public Goal withStep(Step step) {
        List<Step> more = new java.util.ArrayList<>(steps);
        more.add(step);
        return new Goal(id, area, words, target, more);
    }
}
