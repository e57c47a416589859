package org.mutuality.practice.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.AgendaItem;
import org.mutuality.practice.ChecklistTopic;
import org.mutuality.practice.SupervisionForm;
import org.mutuality.practice.SupervisionSession;
import org.mutuality.practice.store.SupervisionStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency supervision to show: Sam and Jordan met ten days ago and both signed (one
 * action still open, so it comes back on their next agenda); Sam and Marc last met five weeks ago,
 * so Marc's supervision is overdue, as is Taylor's, who has not had a session yet. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(20)
class SupervisionDemo implements ApplicationRunner {

    private final Directory directory;
    private final SupervisionStore store;
    private final Clock clock;

    SupervisionDemo(Directory directory, SupervisionStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || !store.list(agency, null).isEmpty()) {
            return;
        }
        Map<String, PersonId> people = directory.everyone(agency).stream()
                .collect(Collectors.toMap(p -> p.details().legalName(), Person::id, (a, b) -> a));
        PersonId sam = people.get("Samuel Okafor");
        PersonId jordan = people.get("Jordan Lee");
        PersonId marc = people.get("Marc-André Gagnon");
        if (sam == null || jordan == null || marc == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);

        LocalDate withMarc = today.minusDays(35);
        SupervisionSession marcs = SupervisionSession.plan(
                sam, marc, withMarc, 45, SupervisionForm.ONE_TO_ONE, topics(), today, at(withMarc, 9));
        store.insert(agency, marcs);
        marcs = step(agency, marcs.discuss(sam, EnumSet.of(ChecklistTopic.DIRECT_SUPPORT_TIME)), withMarc);
        marcs = step(agency, marcs.sign(sam, SupervisionSession.Part.SUPERVISOR, today, at(withMarc, 11)), withMarc);
        step(agency, marcs.sign(marc, SupervisionSession.Part.SUPERVISEE, today, at(withMarc, 12)), withMarc);

        LocalDate withJordan = today.minusDays(10);
        SupervisionSession s = SupervisionSession.plan(
                sam, jordan, withJordan, 60, SupervisionForm.ONE_TO_ONE, topics(), today, at(withJordan, 9));
        store.insert(agency, s);
        s = step(
                agency,
                s.discuss(
                        sam,
                        EnumSet.of(
                                ChecklistTopic.LIVED_EXPERIENCE_SHARING,
                                ChecklistTopic.DAILY_TASKS_AND_WORKLOAD,
                                ChecklistTopic.PEER_NETWORKS_AND_DEVELOPMENT)),
                withJordan);
        s = step(
                agency,
                s.note(
                        sam,
                        "We talked about the drop-in circle growing and how Jordan shares their own story there.",
                        false,
                        at(withJordan, 10)),
                withJordan);
        s = step(
                agency,
                s.note(
                        jordan,
                        "I want to keep Thursdays for the circle and paperwork only.",
                        false,
                        at(withJordan, 10)),
                withJordan);
        s = step(
                agency,
                s.agree(sam, "Ask the regional peer network about their next meet-up", today.plusDays(4)),
                withJordan);
        s = step(agency, s.agree(jordan, "Move the Thursday calls to Wednesday", withJordan.plusDays(3)), withJordan);
        UUID done = s.actions().get(1).id();
        s = step(agency, s.complete(jordan, done, withJordan.plusDays(2)), withJordan);
        s = step(agency, s.sign(sam, SupervisionSession.Part.SUPERVISOR, today, at(withJordan, 11)), withJordan);
        step(agency, s.sign(jordan, SupervisionSession.Part.SUPERVISEE, today, at(withJordan, 16)), withJordan);
    }

    /** Saves a step and reads the session back, as the service would between two requests. */
    private SupervisionSession step(AgencyId agency, SupervisionSession.Moved moved, LocalDate day) {
        store.save(agency, moved, day, at(day, 10));
        return store.find(agency, moved.session().id()).orElseThrow();
    }

    private static List<AgendaItem> topics() {
        return java.util.Arrays.stream(ChecklistTopic.values())
                .map(t -> new AgendaItem(AgendaItem.Source.CHECKLIST_TOPIC, t.name(), t.name(), null))
                .toList();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
