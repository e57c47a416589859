package org.mutuality.relationships;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/**
 * Where a page of a person's relationships ends: when the last one shown was declared, and its id
 * (relationships declared in the same moment are ordered by id, so none is skipped or shown twice).
 */
public record RelationshipCursor(Instant declaredAt, RelationshipId id) {

    public PageCursor cursor() {
        return PageCursor.of(declaredAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of relationships
     */
    public static @Nullable RelationshipCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 2);
        return cursor == null ? null : new RelationshipCursor(cursor.instant(0), new RelationshipId(cursor.uuid(1)));
    }
}
