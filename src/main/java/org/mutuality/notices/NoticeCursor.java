package org.mutuality.notices;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of a person's notices ends: the last notice's moment and id. */
public record NoticeCursor(Instant createdAt, UUID id) {

    public static NoticeCursor after(Notice notice) {
        return new NoticeCursor(notice.createdAt(), notice.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(createdAt, id);
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of notices
     */
    public static @Nullable NoticeCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new NoticeCursor(cursor.instant(0), cursor.uuid(1));
    }
}
