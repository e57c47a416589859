package org.mutuality.safety.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Incident;
import org.mutuality.safety.store.IncidentStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gives the demo agency a boundary incident after a walking group, resolved with "boundary restated". All fictional. */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(15)
class DemoSafety implements ApplicationRunner {

    private final Directory directory;
    private final IncidentStore incidents;
    private final Clock clock;

    DemoSafety(Directory directory, IncidentStore incidents, Clock clock) {
        this.directory = directory;
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
        DemoCast people = directory.demoCast(agency);
        PersonId rosa = people.get("Rosa Díaz");
        PersonId kevin = people.get("Kevin Brown");
        PersonId priya = people.get("Priya Shah");
        if (rosa == null || kevin == null || priya == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Incident incident = Incident.record(
                rosa,
                today.minusDays(12),
                "After the walking group Kevin asked me for a ride home; we are neighbours and he knows my car.",
                "I said I could not drive participants; we looked at the bus times together.",
                Set.of(kevin),
                today,
                at(today.minusDays(12), 12));
        incidents.insert(agency, incident);
        incidents.addAccount(
                agency,
                incident.id(),
                incident.account(
                        kevin,
                        "It was raining and I did not think it was a big deal. The bus is fine.",
                        at(today.minusDays(11), 10)));
        Incident.Moved taken = incident.take(priya, ConflictDecision.strictest(List.of()), GoAhead.NOTHING);
        incidents.save(agency, taken, at(today.minusDays(10), 9));
        Incident inHand = incidents.find(agency, incident.id()).orElseThrow();
        incidents.save(
                agency,
                inHand.resolve(
                        Incident.Outcome.BOUNDARY_RESTATED,
                        "Rides stay out of peer work for everyone; the group now ends near the bus stop."),
                at(today.minusDays(9), 9));
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }
}
