package org.mutuality.relationships;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * A request to record a relationship. For directed kinds person A acts on person B.
 *
 * @throws BadInputException when the two people are the same, the note is over 1,000 characters,
 *     or the dates are in the wrong order
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
            throw new BadInputException("relationship.twoPeople");
        }
        note = Text.optional("note", note, Text.Limit.NOTE);
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new BadInputException("relationship.endsBeforeItStarts", startDate);
        }
    }
}
