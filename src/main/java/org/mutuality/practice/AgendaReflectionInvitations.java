package org.mutuality.practice;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.store.SupervisionStore;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * The invitations to reflect the supervisee chose to tell their supervisor about, made since the
 * pair's last session (or in the last 90 days before their first): which limit, and when. Never the
 * participant or the reflection.
 */
@Component
class AgendaReflectionInvitations implements AgendaSource {

    private final BoundaryPlans plans;
    private final SupervisionStore store;

    AgendaReflectionInvitations(BoundaryPlans plans, SupervisionStore store) {
        this.plans = plans;
        this.store = store;
    }

    @Override
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        LocalDate since = store.lastHeldBefore(
                        agency, new SupervisionStore.Pair(supervisor, supervisee), today.plusDays(1))
                .orElse(today.minusDays(ChecklistTopic.FORGOTTEN_AFTER_DAYS));
        return plans.sharedForSupervision(agency, supervisee, since).stream()
                .map(i -> new AgendaItem(
                        AgendaItem.Source.REFLECTION_INVITATION,
                        i.id().toString(),
                        i.limit().name(),
                        LocalDate.ofInstant(i.createdAt(), ZoneOffset.UTC)))
                .toList();
    }
}
