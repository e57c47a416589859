package org.mutuality.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.springframework.stereotype.Component;

/**
 * Who supervises whom today, as the register says ({@code SUPERVISES}): the third reader of a
 * consultation (the asker's supervisor) and of a boundary agreement (the peer worker's).
 */
@Component
class ConsultationSupervisors {

    private final RelationshipRegister relationships;
    private final Clock clock;

    ConsultationSupervisors(RelationshipRegister relationships, Clock clock) {
        this.relationships = relationships;
        this.clock = clock;
    }

    /** The people the reader supervises today. */
    List<PersonId> of(SignedInUser reader) {
        LocalDate today = LocalDate.now(clock);
        return relationships.currentOf(reader.agencyId(), reader.personId()).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES
                        && r.personA().equals(reader.personId())
                        && r.activeOn(today))
                .map(Relationship::personB)
                .distinct()
                .toList();
    }

    /** Whether the reader supervises this person today. */
    boolean supervises(SignedInUser reader, PersonId person) {
        return of(reader).contains(person);
    }
}
