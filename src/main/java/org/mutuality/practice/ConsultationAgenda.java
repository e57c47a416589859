package org.mutuality.practice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.store.ConsultationStore;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * What a supervision agenda brings in from consultations ({@code OPEN_CONSULTATION}): those the
 * supervisee asked that still wait for a consultant or an answer, and those answered "go ahead with
 * safeguards" in the last {@value #NEW_SAFEGUARDS_DAYS} days, whose safeguards are new. By reference,
 * status and date only: the situation, the note and the safeguards stay in the consultation, which
 * the supervisor reads there (audited). Only those asked once the supervisor's supervision of the
 * supervisee had begun, as the supervisor reads no other.
 */
@Component
class ConsultationAgenda implements AgendaSource {

    /** How long safeguards count as new for the agenda. */
    static final int NEW_SAFEGUARDS_DAYS = 30;

    private final ConsultationStore store;
    private final ConsultationSupervisors supervisors;
    private final Clock clock;

    ConsultationAgenda(ConsultationStore store, ConsultationSupervisors supervisors, Clock clock) {
        this.store = store;
        this.supervisors = supervisors;
        this.clock = clock;
    }

    @Override
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        LocalDate supervisedSince = supervisors.since(agency, supervisor, supervisee);
        if (supervisedSince == null) {
            return List.of();
        }
        List<AgendaItem> items = new ArrayList<>();
        for (Consultation c : store.askedBy(agency, List.of(supervisee), Consultations.LIST_LIMIT)) {
            if (day(c.askedAt()).isBefore(supervisedSince)) {
                continue;
            }
            LocalDate since = null;
            if (c.status() == Consultation.Status.WAITING_FOR_CONSULTANT || c.status() == Consultation.Status.ASKED) {
                since = day(c.askedAt());
            } else if (c.outcome() == Consultation.Outcome.GO_AHEAD_WITH_SAFEGUARDS
                    && c.answeredAt() != null
                    && !day(c.answeredAt()).isBefore(today.minusDays(NEW_SAFEGUARDS_DAYS))) {
                since = day(c.answeredAt());
            }
            if (since != null) {
                items.add(new AgendaItem(
                        AgendaItem.Source.OPEN_CONSULTATION,
                        c.id().toString(),
                        "consultation.status." + c.status().name(),
                        since));
            }
        }
        return items;
    }

    /** The day in the application clock's zone, as {@code today} is. */
    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }
}
