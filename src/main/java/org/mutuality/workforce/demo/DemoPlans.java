package org.mutuality.workforce.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.workforce.OnboardingPlan;
import org.mutuality.workforce.OnboardingStepKind;
import org.mutuality.workforce.RoleDescription;
import org.mutuality.workforce.WorkPlan;
import org.mutuality.workforce.onboarding.OnboardingStore;
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
 * both, and Jordan's onboarding, in its sixth week. No wellness plan is seeded: it is written only if the person wishes.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(17)
class DemoPlans implements ApplicationRunner {

    private final Directory directory;
    private final RoleDescriptionStore descriptions;
    private final WorkPlanStore plans;
    private final OnboardingStore onboarding;
    private final Clock clock;

    DemoPlans(
            Directory directory,
            RoleDescriptionStore descriptions,
            WorkPlanStore plans,
            OnboardingStore onboarding,
            Clock clock) {
        this.directory = directory;
        this.descriptions = descriptions;
        this.plans = plans;
        this.onboarding = onboarding;
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
            onboarding.save(agency, jordansOnboarding(jordan, sam, people.get("Rosa Díaz")), now);
        }
    }

    /**
     * Jordan's onboarding in its sixth week: the first steps done, the required trainings later than
     * planned, shadowing given to Rosa Díaz, two check-ins held with Samuel.
     */
    private OnboardingPlan jordansOnboarding(PersonId jordan, PersonId sam, @Nullable PersonId rosa) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(37);
        OnboardingPlan plan = OnboardingPlan.fromTemplate(jordan, sam, first);
        for (OnboardingPlan.Step step : plan.steps()) {
            if (step.kind() == OnboardingStepKind.SHADOW_A_PEER_WORKER && rosa != null) {
                plan = plan.reassign(step.number(), rosa);
            }
        }
        for (OnboardingPlan.Step step : plan.steps()) {
            switch (step.kind()) {
                case MEET_THE_TEAM -> plan = plan.markDone(step.number(), sam, first.plusDays(1));
                case READ_AND_ATTEST_THE_CODE -> plan = plan.markDone(step.number(), jordan, first.plusDays(2));
                case FIRST_SUPERVISION -> plan = plan.markDone(step.number(), sam, first.plusDays(9));
                case SHADOW_A_PEER_WORKER -> plan = plan.markDone(step.number(), sam, first.plusDays(18));
                default -> {}
            }
        }
        return plan.holdCheckIn(
                        first.plusDays(13),
                        "Two weeks in. Jordan feels welcome; we agreed on when to call me between meetings.",
                        sam,
                        today)
                .holdCheckIn(
                        first.plusDays(34),
                        "Shadowing Rosa went well. The trainings are behind: we set aside Thursday mornings.",
                        sam,
                        today);
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
