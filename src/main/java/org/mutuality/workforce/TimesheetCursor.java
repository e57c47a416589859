package org.mutuality.workforce;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of a worker's hours ends: the last entry's day worked, moment recorded and id. */
public record TimesheetCursor(LocalDate date, Instant createdAt, TimesheetEntryId id) {

    public PageCursor cursor() {
        return PageCursor.of(date, createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of hours
     */
    public static @Nullable TimesheetCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 3);
        return cursor == null
                ? null
                : new TimesheetCursor(cursor.date(0), cursor.instant(1), new TimesheetEntryId(cursor.uuid(2)));
    }
}
