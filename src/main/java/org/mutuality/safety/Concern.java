package org.mutuality.safety;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A concern about a staff member's conduct.
 *
 * @param raisedBy null when shown to someone who handles an anonymous concern
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

    /** The same concern with who raised it hidden, for those who handle an anonymous one. */
    Concern withoutRaiser() {
        return new Concern(id, null, anonymous, about, text, status, handler, answer, createdAt, updatedAt, version);
    }
}
