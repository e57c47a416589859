package org.mutuality.practice;

import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Incidents;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * The boundary incidents involving the supervisee that are still open or being handled: that there is
 * one, and its day. What happened stays with the incident, read by those it names.
 */
@Component
class AgendaBoundaryIncidents implements AgendaSource {

    private final Incidents incidents;

    AgendaBoundaryIncidents(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        return incidents.openInvolving(agency, supervisee).stream()
                .map(i -> new AgendaItem(AgendaItem.Source.BOUNDARY_INCIDENT, i.id().toString(), null, i.occurredOn()))
                .toList();
    }
}
