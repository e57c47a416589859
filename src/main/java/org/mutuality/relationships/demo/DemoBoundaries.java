package org.mutuality.relationships.demo;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.store.BoundaryStore;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Gives Jordan, in the demo agency, their own boundary plan. All fictional. */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(16)
class DemoBoundaries implements ApplicationRunner {

    private final Directory directory;
    private final BoundaryStore boundaries;
    private final Clock clock;

    DemoBoundaries(Directory directory, BoundaryStore boundaries, Clock clock) {
        this.directory = directory;
        this.boundaries = boundaries;
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
        PersonId jordan = people.get("Jordan Lee");
        if (jordan == null || boundaries.plan(agency, jordan).isPresent()) {
            return;
        }
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
    }
}
