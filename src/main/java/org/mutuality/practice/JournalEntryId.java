package org.mutuality.practice;

import java.util.Objects;
import java.util.UUID;

/** Identifies an entry of a reflective journal. */
public record JournalEntryId(UUID value) {

    public JournalEntryId {
        Objects.requireNonNull(value, "journal entry id must not be null");
    }

    public static JournalEntryId random() {
        return new JournalEntryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
