package org.mutuality.records;

import java.util.List;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.Basis;

/** The outcome of reading a person's notes: the notes, or the guard's refusal. Every outcome is audited. */
public sealed interface NotesRead permits NotesRead.Shown, NotesRead.Refused {

    /** The notes the reader may see, newest first, with the basis that allowed them. */
    record Shown(List<Note> notes, Basis basis) implements NotesRead {
        public Shown {
            notes = List.copyOf(notes);
        }
    }

    record Refused(AccessDecision.Refused decision) implements NotesRead {}
}
