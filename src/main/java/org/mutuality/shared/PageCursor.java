package org.mutuality.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list ends: the sort keys of its last item, as one opaque text a client sends back
 * with {@code after=} to get the next page. Lists are newest first and end on an id, so two items of
 * the same moment are never skipped nor shown twice. A cursor names no person and opens nothing: the
 * next page is read through the same guard as the first.
 */
public record PageCursor(List<String> keys) {

    private static final int LONGEST = 300;

    public PageCursor {
        keys = List.copyOf(keys);
    }

    /** The cursor of an item with these sort keys (dates, moments, ids, numbers). */
    public static PageCursor of(Object... keys) {
        return new PageCursor(Arrays.stream(keys).map(String::valueOf).toList());
    }

    /** The cursor as sent in a link: URL-safe, no padding. */
    public String encoded() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join("|", keys).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent, if any.
     *
     * @param size how many keys the list's cursors have
     * @throws BadInputException when the text is not a cursor of this list
     */
    public static @Nullable PageCursor parse(@Nullable String text, int size) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > LONGEST) {
            throw bad();
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        List<String> keys = List.of(decoded.split("\\|", -1));
        if (keys.size() != size) {
            throw bad();
        }
        return new PageCursor(keys);
    }

    public LocalDate date(int index) {
        try {
            return within(LocalDate.parse(keys.get(index)));
        } catch (DateTimeParseException e) {
            throw bad();
        }
    }

    public Instant instant(int index) {
        try {
            within(LocalDate.ofInstant(Instant.parse(keys.get(index)), java.time.ZoneOffset.UTC));
            return Instant.parse(keys.get(index));
        } catch (java.time.DateTimeException e) {
            throw bad();
        }
    }

    /** A cursor's day is between the years 1 and 9999, as every database stores it. */
    private static LocalDate within(LocalDate day) {
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw bad();
        }
        return day;
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(keys.get(index));
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    private static BadInputException bad() {
        return new BadInputException("page.badCursor");
    }

    @Override
    public String toString() {
        return encoded();
    }
}
