package org.mutuality.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.BoundaryLimit;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.shared.AgencyId;
import org.mutuality.support.store.InteractionStore;
import org.springframework.stereotype.Component;

/**
 * Compares a contact just recorded with the peer worker's own boundary plan (S7) and, where it
 * passes one of their limits, invites them to reflect. The invitation's detail never names the
 * participant: the supervisor may see it if the peer worker chose so.
 */
@Component
class BoundaryCheck {

    private final BoundaryPlans plans;
    private final InteractionStore store;

    BoundaryCheck(BoundaryPlans plans, InteractionStore store) {
        this.plans = plans;
        this.store = store;
    }

    /** Checks the limits against the contact; returns how many new invitations were made. */
    int after(AgencyId agency, Interaction contact) {
        BoundaryPlan plan = plans.planOf(agency, contact.peer()).orElse(null);
        if (plan == null) {
            return 0;
        }
        PersonId peer = contact.peer();
        PersonId participant = contact.participant();
        LocalDate on = contact.occurredOn();
        int made = 0;
        List<Interaction> withParticipant = null;
        if (plan.outsideContactsPerMonth() != null && contact.kind() == InteractionKind.OUTSIDE_CONTACT) {
            withParticipant = mine(agency, peer, participant);
            long count = withParticipant.stream()
                    .filter(i -> i.kind() == InteractionKind.OUTSIDE_CONTACT
                            && i.occurredOn().getYear() == on.getYear()
                            && i.occurredOn().getMonth() == on.getMonth())
                    .count();
            if (count > plan.outsideContactsPerMonth()) {
                String month = on.format(DateTimeFormatter.ofPattern("yyyy-MM"));
                made += invite(
                        agency,
                        peer,
                        BoundaryLimit.OUTSIDE_CONTACTS_PER_MONTH,
                        participant,
                        month,
                        count + "|" + month + "|" + plan.outsideContactsPerMonth());
            }
        }
        if (plan.contactsPerWeek() != null) {
            if (withParticipant == null) {
                withParticipant = mine(agency, peer, participant);
            }
            int week = on.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            int year = on.get(IsoFields.WEEK_BASED_YEAR);
            long count = withParticipant.stream()
                    .filter(i -> i.occurredOn().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == week
                            && i.occurredOn().get(IsoFields.WEEK_BASED_YEAR) == year)
                    .count();
            if (count > plan.contactsPerWeek()) {
                String key = year + "-W" + (week < 10 ? "0" : "") + week;
                made += invite(
                        agency,
                        peer,
                        BoundaryLimit.CONTACTS_PER_WEEK,
                        participant,
                        key,
                        count + "|" + key + "|" + plan.contactsPerWeek());
            }
        }
        if (plan.longestSessionMinutes() != null && contact.durationMinutes() > plan.longestSessionMinutes()) {
            made += invite(
                    agency,
                    peer,
                    BoundaryLimit.LONGEST_SESSION,
                    participant,
                    contact.id().toString(),
                    contact.durationMinutes() + "|" + on + "|" + plan.longestSessionMinutes());
        }
        if (plan.noContactAfter() != null
                && contact.nextMeeting() != null
                && contact.nextMeeting().toLocalTime().isAfter(plan.noContactAfter())) {
            made += invite(
                    agency,
                    peer,
                    BoundaryLimit.NO_CONTACT_AFTER,
                    participant,
                    contact.nextMeeting().toString(),
                    contact.nextMeeting().toLocalTime() + "|"
                            + contact.nextMeeting().toLocalDate() + "|" + plan.noContactAfter());
        }
        return made;
    }

    private int invite(
            AgencyId agency, PersonId peer, BoundaryLimit limit, PersonId participant, String key, String detail) {
        return plans.invite(agency, peer, limit, participant, key, detail) ? 1 : 0;
    }

    /** The peer worker's current contacts with the participant (an amended contact counts once). */
    private List<Interaction> mine(AgencyId agency, PersonId peer, PersonId participant) {
        return Caseloads.current(store.with(agency, participant)).stream()
                .filter(i -> i.peer().equals(peer))
                .toList();
    }
}
