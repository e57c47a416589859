package org.mutuality.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * Who supervises whom today, as the register says ({@code SUPERVISES}): the third reader of a
 * consultation (the asker's supervisor, in place on the day it was asked) and of a boundary
 * agreement (the peer worker's, in place on the day it started).
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

    /**
     * Whether the reader supervises this person today and did already on that day: a supervisor
     * assigned later does not read what the person asked before (as for a shared journal entry).
     */
    boolean supervisedOn(SignedInUser reader, PersonId person, LocalDate day) {
        LocalDate since = since(reader.agencyId(), reader.personId(), person);
        return since != null && !day.isBefore(since);
    }

    /**
     * The first day of the supervisor's supervision of this person, when the register says it goes on
     * today (the earliest when it names several; {@link LocalDate#MIN} when it gives no start); null
     * when they do not supervise the person today.
     */
    @Nullable
    LocalDate since(AgencyId agency, PersonId supervisor, PersonId person) {
        LocalDate today = LocalDate.now(clock);
        return relationships.currentOf(agency, supervisor).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES
                        && r.personA().equals(supervisor)
                        && r.personB().equals(person)
                        && r.activeOn(today))
                .map(r -> r.startDate() == null ? LocalDate.MIN : r.startDate())
                .min(LocalDate::compareTo)
                .orElse(null);
    }
}
