package org.mutuality.research;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/**
 * Where a page of studies or consents ends: the last one's moment (created, or recorded) and id.
 */
public record StudyCursor(Instant at, UUID id) {

    public PageCursor cursor() {
        return PageCursor.of(at, id);
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of such a page
     */
    public static @Nullable StudyCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new StudyCursor(cursor.instant(0), cursor.uuid(1));
    }
}
