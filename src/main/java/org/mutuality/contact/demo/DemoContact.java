package org.mutuality.contact.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mutuality.contact.ContactSettings;
import org.mutuality.contact.Message;
import org.mutuality.contact.store.ContactStore;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency office hours and an on-duty peer worker for each program with peers, and a
 * short message thread between Julie and Jordan. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(15)
class DemoContact implements ApplicationRunner {

    private final Directory directory;
    private final ContactStore contact;
    private final Clock clock;

    DemoContact(Directory directory, ContactStore contact, Clock clock) {
        this.directory = directory;
        this.contact = contact;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        Map<String, Program> programs =
                directory.programs(agency).stream().collect(Collectors.toMap(Program::name, p -> p, (a, b) -> a));
        PersonId jordan = people.get("Jordan Lee");
        PersonId marc = people.get("Marc-André Gagnon");
        PersonId rosa = people.get("Rosa Díaz");
        PersonId julie = people.get("Julie Roy");
        Program peer = programs.get("Peer Support");
        Program groups = programs.get("Wellness Groups");
        if (jordan == null
                || marc == null
                || rosa == null
                || julie == null
                || peer == null
                || groups == null
                || contact.settings(agency, peer.id()).isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        ZoneId toronto = ZoneId.of("America/Toronto");
        contact.saveSettings(
                agency,
                new ContactSettings(peer.id(), weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), toronto, marc, null),
                clock.instant());
        contact.saveSettings(
                agency,
                new ContactSettings(
                        groups.id(), weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0), toronto, rosa, null),
                clock.instant());
        Instant asked = today.minusDays(3).atTime(14, 5).toInstant(ZoneOffset.UTC);
        contact.insert(
                agency,
                Message.incoming(
                        julie,
                        groups.id(),
                        new Message.Routing(jordan, Message.Route.ASSIGNED_PEER),
                        "Hi Jordan, could we move Thursday to the afternoon? I have a doctor's appointment.",
                        false,
                        asked));
        contact.insert(
                agency,
                Message.reply(
                        julie,
                        groups.id(),
                        jordan,
                        "Of course. Thursday at 2 at the drop-in works for me. Good luck at the doctor's.",
                        asked.plus(Duration.ofMinutes(95))));
        contact.markRead(
                agency, julie, jordan, today.minusDays(3).atTime(15, 30).toInstant(ZoneOffset.UTC));
    }
}
