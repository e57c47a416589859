package org.mutuality.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.support.store.GroupStore;
import org.mutuality.support.store.InteractionStore;
import org.mutuality.workforce.DirectSupportMinutes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time a staff member spent in direct support, as the support record has it: the contacts with
 * participants they recorded (a corrected contact counts once, as corrected) and the group sessions
 * they led. A contact recorded as part of a group session is left out, so the session counts once,
 * for its leader. Minutes per day only: no participant, no note, no score. This class does not
 * decide who may see the figure; its caller does (the workforce module shows it to the person, their
 * supervisor and whoever approves their hours).
 */
@Service
public class DirectSupportTime implements DirectSupportMinutes {

    private final InteractionStore interactions;
    private final GroupStore groups;

    DirectSupportTime(InteractionStore interactions, GroupStore groups) {
        this.interactions = interactions;
        this.groups = groups;
    }

    /**
     * Minutes of direct support per day from {@code from} to {@code to}, both included, for the days
     * that have any; never null.
     */
    @Override
    @Transactional(readOnly = true)
    public Map<LocalDate, Integer> minutesByDay(AgencyId agency, PersonId worker, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> minutes = new TreeMap<>();
        for (Interaction i : Caseloads.current(interactions.byPeerSince(agency, worker, from))) {
            if (i.groupSession() == null && !i.occurredOn().isAfter(to)) {
                minutes.merge(i.occurredOn(), i.durationMinutes(), Integer::sum);
            }
        }
        groups.minutesLedByDay(agency, worker, from, to).forEach((day, m) -> minutes.merge(day, m, Integer::sum));
        return minutes;
    }
}
