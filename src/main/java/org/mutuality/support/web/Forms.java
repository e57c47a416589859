package org.mutuality.support.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
import org.mutuality.support.SupportGroup;

/**
 * Reading the fields of peer support's forms: numbers, dates and times as people type them, each
 * refusal naming the field and what was expected, never the value.
 */
final class Forms {

    private Forms() {}

    static int integer(@Nullable String value, String field) {
        Integer n = parse(value, field, "form.wholeNumber", Integer::parseInt);
        if (n == null) {
            throw new BadInputException("form.wholeNumber", Explanation.field(field));
        }
        return n;
    }

    static @Nullable LocalDate date(@Nullable String value, String field) {
        return parse(value, field, "form.date", LocalDate::parse);
    }

    static @Nullable LocalDateTime dateTime(@Nullable String value, String field) {
        return parse(value, field, "form.dateTime", LocalDateTime::parse);
    }

    /** A time such as 14:30, or none when blank. */
    static @Nullable LocalTime time(@Nullable String value, String field) {
        return parse(value, field, "form.time", LocalTime::parse);
    }

    /** When and where a group meets, from its form or body: a day name, a time and a place, each optional. */
    static SupportGroup.Schedule schedule(@Nullable String day, @Nullable String startsAt, @Nullable String place) {
        DayOfWeek d = Text.trimmed(day).isEmpty() ? null : Text.choice("meetsOn", day, DayOfWeek.class);
        return new SupportGroup.Schedule(d, time(startsAt, "startsAt"), place);
    }

    /**
     * A value the person had to choose, such as who is referred.
     *
     * @throws BadInputException with {@code key} when none was chosen
     */
    static <T> T chosen(@Nullable T value, String key) {
        if (value == null) {
            throw new BadInputException(key);
        }
        return value;
    }

    private static <T> @Nullable T parse(@Nullable String value, String field, String key, Function<String, T> parser) {
        String t = Text.trimmed(value);
        try {
            return t.isEmpty() ? null : parser.apply(t);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BadInputException(key, Explanation.field(field));
        }
    }
}
