package org.mutuality.practice;

import java.time.LocalDate;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.store.SupervisionStore;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/** The actions the pair agreed in earlier sessions and left open: each is carried until done. */
@Component
class AgendaCarriedActions implements AgendaSource {

    private final SupervisionStore store;

    AgendaCarriedActions(SupervisionStore store) {
        this.store = store;
    }

    @Override
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        return store.openActions(agency, new SupervisionStore.Pair(supervisor, supervisee)).stream()
                .map(a -> new AgendaItem(
                        AgendaItem.Source.CARRIED_ACTION,
                        a.action().id().toString(),
                        a.action().dueOn().toString(),
                        a.heldOn()))
                .toList();
    }
}
