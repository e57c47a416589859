package org.mutuality.support;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of a participant's contacts ends: the last contact's day, moment and id. */
public record InteractionCursor(LocalDate occurredOn, Instant createdAt, InteractionId id) {

    public static InteractionCursor after(Interaction contact) {
        return new InteractionCursor(contact.occurredOn(), contact.createdAt(), contact.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(occurredOn, createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of contacts
     */
    public static @Nullable InteractionCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 3);
        return cursor == null
                ? null
                : new InteractionCursor(cursor.date(0), cursor.instant(1), new InteractionId(cursor.uuid(2)));
    }
}
