package org.mutuality.records;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.PersonId;

/** A note about a person; {@code amends} names the note it corrects, if it is an amendment. */
public record Note(
        NoteId id,
        PersonId subject,
        PersonId author,
        RecordKind kind,
        LocalDate writtenOn,
        String text,
        @Nullable NoteId amends,
        Instant createdAt) {}
