package org.mutuality.records;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.RecordKind;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;

/**
 * Where a page of a person's notes of one kind ends: the kind, and the last note's day, moment and id.
 * The kind is in the cursor, so the next page is of the same kind, read through the guard again.
 */
public record NoteCursor(RecordKind kind, LocalDate writtenOn, Instant createdAt, NoteId id) {

    public static NoteCursor after(Note note) {
        return new NoteCursor(note.kind(), note.writtenOn(), note.createdAt(), note.id());
    }

    public PageCursor cursor() {
        return PageCursor.of(kind.name(), writtenOn, createdAt, id.value());
    }

    /**
     * The cursor a client sent with {@code after=}, if any.
     *
     * @throws BadInputException when it is not the cursor of a page of notes
     */
    public static @Nullable NoteCursor parse(@Nullable String text) {
        PageCursor cursor = PageCursor.parse(text, 4);
        if (cursor == null) {
            return null;
        }
        RecordKind kind;
        try {
            kind = RecordKind.valueOf(cursor.keys().get(0));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("page.badCursor");
        }
        if (!kind.isNote()) {
            throw new BadInputException("page.badCursor");
        }
        return new NoteCursor(kind, cursor.date(1), cursor.instant(2), new NoteId(cursor.uuid(3)));
    }
}
