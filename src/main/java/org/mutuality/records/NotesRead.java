package org.mutuality.records;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.Basis;
import org.mutuality.shared.PageCursor;

/** The outcome of reading a person's notes: the notes, or the guard's refusal. Every outcome is audited. */
public sealed interface NotesRead permits NotesRead.Shown, NotesRead.Refused {

    /**
     * A page of the notes the reader may see, newest first, with the basis that allowed them and where
     * the next page starts (null on the last).
     */
    record Shown(List<Note> notes, Basis basis, @Nullable PageCursor next) implements NotesRead {
        public Shown {
            notes = List.copyOf(notes);
        }
    }

    record Refused(AccessDecision.Refused decision) implements NotesRead {}
}
