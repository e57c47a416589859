package org.mutuality.relationships;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A request to record a relationship. For directed kinds person A acts on person B.
 *
 * @throws IllegalArgumentException when the two people are the same, the note is over 1,000
 *     characters, or the dates are in the wrong order
 */
public record DeclareRelationship(
        RelationshipKind kind,
        PersonId personA,
        PersonId personB,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable String note,
        @Nullable Visibility visibility) {

    public DeclareRelationship {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(personA, "personAId is required");
        Objects.requireNonNull(personB, "personBId is required");
        if (personA.equals(personB)) {
            throw new IllegalArgumentException("personAId and personBId must be two different people");
        }
        if (note != null) {
            note = note.strip();
            if (note.isEmpty()) {
                note = null;
            } else if (note.length() > 1000) {
                throw new IllegalArgumentException("note must be at most 1000 characters, was " + note.length());
            }
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException(
                    "endDate must not be before startDate " + startDate + ", was " + endDate);
        }
    }
}
