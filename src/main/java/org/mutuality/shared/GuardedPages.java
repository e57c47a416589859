package org.mutuality.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A page of records, each read through the guard, cut only after the guard has answered: the
 * store hands rows newest first after a cursor, the guard decides each, and the page holds the first
 * {@code limit} the reader may see. A row the guard refuses never shortens a page nor shows in it,
 * and whether a next page exists is known from one more row the reader may see (decided, not read).
 *
 * <p>Each read is audited once, allowed or refused, as when the whole list was read: a refused row
 * before the page's last item is audited with this page; one after it waits for the next page, which
 * starts at that item and decides it again; on the last page every refused row is audited.
 */
public final class GuardedPages {

    /**
     * The guard's answer for one row: the record as this reader sees it (null when refused), and the
     * audit of the read, done only when the row belongs to the page.
     */
    public record Read<T>(@Nullable T shown, Runnable audit) {}

    private GuardedPages() {}

    /**
     * The page after {@code after}.
     *
     * @param rows up to the given number of rows after a cursor (from the start when null), newest first
     * @param cursorOf the cursor just after a row
     * @param encoded the cursor as a page's next
     * @param read the guard's answer for a row, not yet audited
     */
    public static <R, C, T> Page<T> walk(
            @Nullable C after,
            int limit,
            BiFunction<@Nullable C, Integer, List<R>> rows,
            Function<R, C> cursorOf,
            Function<C, PageCursor> encoded,
            Function<R, Read<T>> read) {
        int batch = Page.fetchSize(limit);
        List<T> shown = new ArrayList<>();
        List<Runnable> refused = new ArrayList<>();
        @Nullable C from = after;
        @Nullable C last = null;
        List<R> fetched;
        do {
            fetched = rows.apply(from, batch);
            for (R row : fetched) {
                from = cursorOf.apply(row);
                Read<T> answer = read.apply(row);
                T item = answer.shown();
                if (item == null) {
                    refused.add(answer.audit());
                } else if (shown.size() == limit) {
                    return new Page<>(shown, encoded.apply(last));
                } else {
                    refused.forEach(Runnable::run);
                    refused.clear();
                    answer.audit().run();
                    shown.add(item);
                    last = from;
                }
            }
        } while (fetched.size() == batch);
        refused.forEach(Runnable::run);
        return new Page<>(shown, null);
    }
}
