package org.mutuality.safety;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/** Where a page of incidents ends: the last incident's moment of recording and id. */
public record IncidentCursor(Instant createdAt, IncidentId id) {

    public static IncidentCursor after(Incident incident) {
        return new IncidentCursor(incident.createdAt(), incident.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of incidents
     */
    public static @Nullable IncidentCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new IncidentCursor(cursor.instant(0), new IncidentId(cursor.uuid(1)));
    }
}
