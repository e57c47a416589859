package org.mutuality.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A concern about a staff member's conduct.
 *
 * @param raisedBy null for an anonymous concern, except in the view of the person who raised it: who
 *     raised one is sealed apart (ADR 0007)
 * @param about the staff member it is about, or null for the program in general
 */
public record Concern(
        UUID id,
        @Nullable PersonId raisedBy,
        boolean anonymous,
        @Nullable PersonId about,
        String text,
        Status status,
        @Nullable PersonId handler,
        @Nullable String answer,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Where a concern stands: raised, being looked at by a handler, answered, closed. */
    public enum Status {
        RAISED,
        IN_REVIEW,
        ANSWERED,
        CLOSED
    }

    /** The same concern showing who raised it, for that person's own view of an anonymous one. */
    Concern withRaiser(PersonId raiser) {
        return new Concern(id, raiser, anonymous, about, text, status, handler, answer, createdAt, updatedAt, version);
    }
}
