package org.mutuality.support;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of groups ends: the last group's moment of creation and id. */
public record GroupCursor(Instant createdAt, GroupId id) {

    public PageCursor cursor() {
        return PageCursor.of(createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of groups
     */
    public static @Nullable GroupCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new GroupCursor(cursor.instant(0), new GroupId(cursor.uuid(1)));
    }
}
