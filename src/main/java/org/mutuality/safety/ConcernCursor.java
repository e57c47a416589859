package org.mutuality.safety;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of concerns ends: the last concern's moment of raising and id. */
public record ConcernCursor(Instant createdAt, ConcernId id) {

    public static ConcernCursor after(Concern concern) {
        return new ConcernCursor(concern.createdAt(), concern.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of concerns
     */
    public static @Nullable ConcernCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new ConcernCursor(cursor.instant(0), new ConcernId(cursor.uuid(1)));
    }
}
