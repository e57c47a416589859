package org.mutuality.workforce.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.Attestation;
import org.mutuality.workforce.conduct.ConductStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo agency has Mutuality's starting code of conduct (every agency gets it when created), and
 * every demo staff member has attested it except Ben Carter, a volunteer peer, so that signing in as
 * {@code newcomer} shows the attestation page. His demo account is used by no test.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(13)
class DemoCodeOfConduct implements ApplicationRunner {

    static final String NOT_YET_ATTESTED = "Benjamin Carter";

    private final Directory directory;
    private final ConductStore store;
    private final Clock clock;

    DemoCodeOfConduct(Directory directory, ConductStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || store.anyAttestation(agency)) {
            return;
        }
        store.startWith(agency, clock.instant());
        int current = store.current(agency).orElseThrow().number();
        LocalDate today = LocalDate.now(clock);
        for (Person p : directory.everyone(agency)) {
            if (p.isStaffOn(today) && !NOT_YET_ATTESTED.equals(p.details().legalName())) {
                store.attest(agency, new Attestation(p.id(), current, clock.instant()));
            }
        }
    }
}
