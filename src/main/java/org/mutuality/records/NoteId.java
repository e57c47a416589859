package org.mutuality.records;

import java.util.Objects;
import java.util.UUID;

/** Identifies a note (or an amendment). */
public record NoteId(UUID value) {

    public NoteId {
        Objects.requireNonNull(value, "note id must not be null");
    }

    public static NoteId random() {
        return new NoteId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
