package org.mutuality.safety.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mutuality.contact.ContactSettings;
import org.mutuality.contact.store.ContactStore;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.store.BoundaryStore;
import org.mutuality.safety.Incident;
import org.mutuality.safety.store.IncidentStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency its boundaries and safety side: office hours and an on-duty peer worker for
 * each program with peers, a short message thread between Julie and Jordan, Jordan's own boundary
 * plan, and a resolved incident after a walking group. All fictional.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(15)
class DemoSafety implements ApplicationRunner {

    private final Directory directory;
    private final ContactStore contact;
    private final BoundaryStore boundaries;
    private final IncidentStore incidents;
    private final Clock clock;

    DemoSafety(
            Directory directory, ContactStore contact, BoundaryStore boundaries, IncidentStore incidents, Clock clock) {
        this.directory = directory;
        this.contact = contact;
        this.boundaries = boundaries;
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || !incidents.list(agency, null).isEmpty()) {
            return;
        }
        Map<String, PersonId> people = directory.everyone(agency).stream()
                .collect(Collectors.toMap(p -> p.details().legalName(), Person::id, (a, b) -> a));
        Map<String, Program> programs =
                directory.programs(agency).stream().collect(Collectors.toMap(Program::name, p -> p, (a, b) -> a));
        PersonId jordan = people.get("Jordan Lee");
        PersonId marc = people.get("Marc-André Gagnon");
        PersonId rosa = people.get("Rosa Díaz");
        PersonId julie = people.get("Julie Roy");
        PersonId kevin = people.get("Kevin Brown");
        PersonId priya = people.get("Priya Shah");
        Program peer = programs.get("Peer Support");
        Program groups = programs.get("Wellness Groups");
        if (jordan == null
                || marc == null
                || rosa == null
                || julie == null
                || kevin == null
                || priya == null
                || peer == null
                || groups == null) {
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
        contact.insert(
                agency,
                julie,
                groups.id(),
                julie,
                jordan,
                true,
                "Hi Jordan, could we move Thursday to the afternoon? I have a doctor's appointment.",
                false,
                "ASSIGNED_PEER",
                today.minusDays(3).atTime(14, 5).toInstant(ZoneOffset.UTC));
        contact.insert(
                agency,
                julie,
                groups.id(),
                jordan,
                julie,
                false,
                "Of course. Thursday at 2 at the drop-in works for me. Good luck at the doctor's.",
                false,
                "REPLY",
                today.minusDays(3).atTime(15, 40).toInstant(ZoneOffset.UTC));
        contact.markRead(
                agency, julie, jordan, today.minusDays(3).atTime(15, 30).toInstant(ZoneOffset.UTC));

        boundaries.save(
                agency,
                new BoundaryPlan(
                        jordan,
                        Map.of(
                                BoundaryArea.PERSONAL_CONTACT_DETAILS,
                                        "Participants reach me through Mutuality only, never my own phone.",
                                BoundaryArea.SOCIAL_MEDIA, "I do not follow or add participants on social media.",
                                BoundaryArea.OUTSIDE_CONTACT,
                                        "Coffee or an event now and then, in public, and I note it.",
                                BoundaryArea.GIFTS_AND_MONEY, "No gifts beyond a card; no loans."),
                        2,
                        3,
                        120,
                        LocalTime.of(19, 0),
                        false),
                clock.instant());

        java.util.UUID incident = incidents.insert(
                agency,
                rosa,
                today.minusDays(12),
                "After the walking group Kevin asked me for a ride home; we are neighbours and he knows my car.",
                "I said I could not drive participants; we looked at the bus times together.",
                Set.of(rosa, kevin),
                today.minusDays(12).atTime(12, 0).toInstant(ZoneOffset.UTC));
        incidents.addAccount(
                agency,
                incident,
                kevin,
                "It was raining and I did not think it was a big deal. The bus is fine.",
                today.minusDays(11).atTime(10, 0).toInstant(ZoneOffset.UTC));
        incidents.update(
                agency,
                incident,
                0,
                Incident.Status.IN_HAND,
                priya,
                null,
                null,
                today.minusDays(10).atTime(9, 0).toInstant(ZoneOffset.UTC));
        incidents.update(
                agency,
                incident,
                1,
                Incident.Status.RESOLVED,
                priya,
                Incident.Outcome.BOUNDARY_RESTATED,
                "Rides stay out of peer work for everyone; the group now ends near the bus stop.",
                today.minusDays(9).atTime(9, 0).toInstant(ZoneOffset.UTC));
    }
}
