package org.mutuality.workforce.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.RoleDescription;
import org.mutuality.workforce.WorkPlan;
import org.mutuality.workforce.plans.RoleDescriptionStore;
import org.mutuality.workforce.plans.WorkPlanStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency its role descriptions (the texts Mutuality ships, as version 1, read by
 * Marc-André Gagnon; Jordan Lee has yet to read theirs, so their home screen asks) and Jordan's work
 * plan for this year, written with their supervisor Samuel Okafor, the mid-year review signed by
 * both. No wellness plan is seeded: it is written only if the person wishes.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(17)
class DemoPlans implements ApplicationRunner {

    private final Directory directory;
    private final RoleDescriptionStore descriptions;
    private final WorkPlanStore plans;
    private final Clock clock;

    DemoPlans(Directory directory, RoleDescriptionStore descriptions, WorkPlanStore plans, Clock clock) {
        this.directory = directory;
        this.descriptions = descriptions;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null || descriptions.latest(agency, Role.PEER_WORKER).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Instant longAgo = now.minus(400, ChronoUnit.DAYS);
        for (Role role : Role.staffRoles()) {
            descriptions.insert(agency, RoleDescription.shipped(role, longAgo));
        }
        DemoCast people = directory.demoCast(agency);
        PersonId marc = people.get("Marc-André Gagnon");
        if (marc != null) {
            descriptions.read(
                    agency,
                    new RoleDescriptionStore.Reading(marc, Role.PEER_WORKER, 1, now.minus(300, ChronoUnit.DAYS)));
        }
        PersonId jordan = people.get("Jordan Lee");
        PersonId sam = people.get("Samuel Okafor");
        if (jordan != null && sam != null) {
            plans.save(agency, jordansPlan(jordan, sam, now), now);
        }
    }

    private WorkPlan jordansPlan(PersonId jordan, PersonId sam, Instant now) {
        int year = LocalDate.now(clock).getYear();
        WorkPlan plan = WorkPlan.start(jordan, year)
                .plan(
                        List.of(
                                "Co-lead the Tuesday recovery group with Rosa, then lead it on my own by the autumn.",
                                "Finish the boundaries and self-disclosure training and bring one situation from it"
                                        + " to supervision.",
                                "Keep my direct-support time near half of my hours, with time set aside for notes."),
                        List.of(
                                WorkPlan.Project.of(
                                        "Welcome walk for new participants",
                                        "A monthly walk where people new to the program meet two peer workers."),
                                WorkPlan.Project.of(
                                        "Plain-language leaflet on peer support",
                                        "A one-page leaflet participants helped write, in English and French.")));
        Instant midYear = now.minus(20, ChronoUnit.DAYS);
        return plan.sign(
                        WorkPlan.Stage.MID_YEAR,
                        WorkPlan.Side.PERSON,
                        "The group is going well; I want more practice closing sessions on time.",
                        jordan,
                        midYear)
                .sign(
                        WorkPlan.Stage.MID_YEAR,
                        WorkPlan.Side.SUPERVISOR,
                        "Jordan co-leads with confidence. We agreed to plan the leaflet with two participants.",
                        sam,
                        midYear.plus(1, ChronoUnit.DAYS));
    }
}
