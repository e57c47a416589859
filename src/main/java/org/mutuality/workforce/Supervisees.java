package org.mutuality.workforce;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * Who supervises whom today, by the register ({@code SUPERVISES}): the party a work plan, a wellness
 * plan and an onboarding plan name besides the person.
 */
@Component
class Supervisees {

    private final RelationshipRegister relationships;

    Supervisees(RelationshipRegister relationships) {
        this.relationships = relationships;
    }

    /**
     * The day the reader began supervising the person (the earliest when the register holds several,
     * {@link LocalDate#MIN} when it gives none), or null when the reader does not supervise them today.
     */
    @Nullable
    LocalDate supervisesSince(AgencyId agency, PersonId reader, PersonId person) {
        LocalDate since = null;
        for (Relationship r : relationships.currentOf(agency, person)) {
            if (r.kind() == RelationshipKind.SUPERVISES
                    && r.personA().equals(reader)
                    && r.personB().equals(person)
                    && !reader.equals(person)) {
                LocalDate start = r.startDate() == null ? LocalDate.MIN : r.startDate();
                since = since == null || start.isBefore(since) ? start : since;
            }
        }
        return since;
    }

    /** The people the supervisor supervises today. Never null. */
    List<PersonId> of(AgencyId agency, PersonId supervisor) {
        return relationships.currentOf(agency, supervisor).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES
                        && r.personA().equals(supervisor)
                        && !r.personB().equals(supervisor))
                .map(Relationship::personB)
                .distinct()
                .toList();
    }
}
