package org.mutuality.practice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.store.SupervisionStore;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * The checklist topics this pair has not discussed in a session held in the last 90 days (or never),
 * in the checklist's order, each with the day it was last discussed.
 */
@Component
class AgendaChecklistTopics implements AgendaSource {

    private final SupervisionStore store;

    AgendaChecklistTopics(SupervisionStore store) {
        this.store = store;
    }

    @Override
    public List<AgendaItem> waitingFor(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        Map<ChecklistTopic, LocalDate> last =
                store.topicsLastDiscussed(agency, new SupervisionStore.Pair(supervisor, supervisee), today);
        return waiting(last, today);
    }

    /** The topics last discussed before the 90 days up to today, or never: a pure rule. */
    static List<AgendaItem> waiting(Map<ChecklistTopic, LocalDate> lastDiscussed, LocalDate today) {
        LocalDate cutoff = today.minusDays(ChecklistTopic.FORGOTTEN_AFTER_DAYS);
        List<AgendaItem> items = new ArrayList<>();
        for (ChecklistTopic topic : ChecklistTopic.values()) {
            LocalDate last = lastDiscussed.get(topic);
            if (last == null || last.isBefore(cutoff)) {
                items.add(new AgendaItem(AgendaItem.Source.CHECKLIST_TOPIC, topic.name(), topic.name(), last));
            }
        }
        return items;
    }
}
