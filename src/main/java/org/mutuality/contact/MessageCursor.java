package org.mutuality.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of a thread ends, going back in time: the earliest shown message's moment and id. */
public record MessageCursor(Instant sentAt, MessageId id) {

    public static MessageCursor before(Message message) {
        return new MessageCursor(message.sentAt(), message.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(sentAt, id.value());
    }

    /**
     * The cursor a client sent with {@code before=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of messages
     */
    public static @Nullable MessageCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new MessageCursor(cursor.instant(0), new MessageId(cursor.uuid(1)));
    }
}
