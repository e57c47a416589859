package org.mutuality.support.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;

/** Reading form fields typed by people, with errors that say what was expected. */
final class Forms {

    private Forms() {}

    static int integer(@Nullable String value, String field) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, was '" + cut(value) + "'");
        }
    }

    static @Nullable LocalDate date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a date such as 2026-11-23, was '" + cut(value) + "'");
        }
    }

    static @Nullable LocalDateTime dateTime(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " must be a date and time such as 2026-11-23T14:30, was '" + cut(value) + "'");
        }
    }

    static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    static Map<PersonId, String> names(Directory directory, SignedInUser user) {
        return directory.displayNames(user.agencyId());
    }

    private static String cut(@Nullable String value) {
        String v = value == null ? "" : value;
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
