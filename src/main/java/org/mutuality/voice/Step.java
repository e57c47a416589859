package org.mutuality.voice;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.Text;

/**
 * One step towards a goal, in the participant's words: who helps and by when, as they set them.
 *
 * @param whoHelps who helps, in the participant's words, or null
 * @param due the date the participant set, or null
 * @param suggestedBy the peer worker whose suggestion the participant accepted, or null
 */
public record Step(
        String text,
        @Nullable String whoHelps,
        @Nullable LocalDate due,
        boolean done,
        @Nullable PersonId suggestedBy) {

    public Step {
        Objects.requireNonNull(text, "text");
    }

    /**
     * A step as a person writes it.
     *
     * @param field the field's API name, for the message
     * @throws org.mutuality.shared.BadInputException when the text is blank or too long, or who helps is
     *     too long, naming the field and never the value
     */
    public static Step write(
            String field,
            @Nullable String text,
            @Nullable String whoHelps,
            @Nullable LocalDate due,
            boolean done,
            @Nullable PersonId suggestedBy) {
        return new Step(
                Text.required(field + ".text", text, Text.Limit.SHORT),
                Text.optional(field + ".whoHelps", whoHelps, Text.Limit.NAME),
                due,
                done,
                suggestedBy);
    }
}
