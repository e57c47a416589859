package org.mutuality.relationships;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/**
 * One relationship between two people of an agency. Ending it sets an end date; it is never
 * deleted.
 */
public record Relationship(
        RelationshipId id,
        AgencyId agencyId,
        RelationshipKind kind,
        PersonId personA,
        PersonId personB,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        RelationshipSource source,
        @Nullable PersonId declaredBy,
        Visibility visibility,
        @Nullable String note) {

    public Relationship {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (personA.equals(personB)) {
            throw new BadInputException("relationship.twoPeople");
        }
    }

    /**
     * The relationship as it stands once ended on {@code on}; its history stays.
     *
     * @throws BadInputException when the day is before it started
     * @throws ConflictException when it had already ended by then
     */
    public Relationship end(LocalDate on) {
        if (startDate != null && on.isBefore(startDate)) {
            throw new BadInputException("relationship.endsBeforeItStarts", startDate);
        }
        if (endDate != null && !endDate.isAfter(on)) {
            throw new ConflictException("relationship.alreadyEnded", endDate);
        }
        return new Relationship(
                id, agencyId, kind, personA, personB, startDate, on, source, declaredBy, visibility, note);
    }

    /** Whether the relationship holds on the given day. */
    public boolean activeOn(LocalDate day) {
        return (startDate == null || !startDate.isAfter(day)) && (endDate == null || endDate.isAfter(day));
    }

    public boolean involves(PersonId person) {
        return personA.equals(person) || personB.equals(person);
    }

    /** The other person of the two. */
    public PersonId other(PersonId person) {
        return personA.equals(person) ? personB : personA;
    }

    /**
     * Whether the viewer may know this relationship exists: the two people, the declarer and the
     * privacy lead always; every staff member when its visibility is {@link Visibility#STAFF}.
     */
    public boolean visibleTo(SignedInUser viewer) {
        return involves(viewer.personId())
                || viewer.personId().equals(declaredBy)
                || viewer.has(Role.PRIVACY_LEAD)
                || (visibility == Visibility.STAFF && viewer.isStaff());
    }
}
