package org.mutuality.shared;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list, newest first, and where the next one starts (null on the last page).
 *
 * @param <T> the items
 */
public record Page<T>(List<T> items, @Nullable PageCursor next) {

    /** The most items a client may ask for in one page of any list. */
    public static final int MOST = 200;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code fetched}, which a store read with {@link #fetchSize} (one more than the
     * page, to know whether another follows).
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, PageCursor> cursorOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, cursorOf.apply(shown.get(limit - 1)));
    }

    /** How many rows a store reads for a page of {@code limit}. */
    public static int fetchSize(int limit) {
        return limit + 1;
    }

    /**
     * The page size a client asked for, or {@code usual}.
     *
     * @throws BadInputException when it is below 1 or above {@link #MOST}
     */
    public static int limit(@Nullable Integer asked, int usual) {
        if (asked == null) {
            return usual;
        }
        if (asked < 1 || asked > MOST) {
            throw new BadInputException("page.limit", MOST, asked);
        }
        return asked;
    }
}
