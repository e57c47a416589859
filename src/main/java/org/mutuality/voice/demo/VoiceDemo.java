package org.mutuality.voice.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.voice.CrisisPlan;
import org.mutuality.voice.CrisisSection;
import org.mutuality.voice.Goal;
import org.mutuality.voice.GoalId;
import org.mutuality.voice.LifeArea;
import org.mutuality.voice.RecoveryPlan;
import org.mutuality.voice.Step;
import org.mutuality.voice.StepSuggestion;
import org.mutuality.voice.store.PlanStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Julie Roy, who signs in as {@code participant}, has a recovery plan in two versions (so its history
 * shows), a step her peer worker Jordan Lee suggested waiting for her answer, and a crisis plan she
 * shares with Jordan by name, so that {@code peer} can open it and nobody else can.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(18)
class VoiceDemo implements ApplicationRunner {

    private final Directory directory;
    private final PlanStore store;
    private final Clock clock;

    VoiceDemo(Directory directory, PlanStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null) {
            return;
        }
        DemoCast cast = directory.demoCast(agency);
        PersonId julie = cast.get("Julie Roy");
        PersonId jordan = cast.get("Jordan Lee");
        if (julie == null
                || jordan == null
                || !store.recoveryPlan(agency, julie).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Goal home = new Goal(
                GoalId.random(),
                LifeArea.HOME,
                "Have a place of my own where I feel safe.",
                today.plusMonths(6),
                List.of(
                        new Step("Visit two housing co-ops", "my sister", today.plusWeeks(3), false, null),
                        new Step("Ask about the rent subsidy", null, today.plusWeeks(1), true, null)));
        Goal meaning = new Goal(
                GoalId.random(),
                LifeArea.MEANING,
                "Get back to painting, once a week.",
                null,
                List.of(new Step("Find the community art room's hours", null, null, false, null)));
        RecoveryPlan first = RecoveryPlan.empty(julie).revise(List.of(home), julie, now.minus(20, ChronoUnit.DAYS));
        RecoveryPlan second = first.revise(List.of(home, meaning), julie, now.minus(6, ChronoUnit.DAYS));
        store.insert(agency, first);
        store.insert(agency, second);
        store.insert(
                agency,
                StepSuggestion.suggest(
                        julie,
                        meaning.id(),
                        new Step("Join the Thursday drop-in art group", "Jordan", today.plusWeeks(2), false, jordan),
                        jordan,
                        now.minus(2, ChronoUnit.DAYS)));
        store.insert(
                agency,
                CrisisPlan.empty(julie)
                        .revise(
                                Map.of(
                                        CrisisSection.KEEPS_ME_WELL,
                                                "Walking in the morning, calling my sister on Sundays.",
                                        CrisisSection.EARLY_SIGNS, "I stop sleeping and stop answering messages.",
                                        CrisisSection.WHAT_HELPS, "Someone sitting with me, quiet music, tea.",
                                        CrisisSection.WHAT_DOES_NOT_HELP, "Being told to calm down.",
                                        CrisisSection.WHO_TO_CALL, "My sister Anne, then Jordan at the agency.",
                                        CrisisSection.IN_A_CRISIS,
                                                "Call Anne first. I would rather go to the crisis centre than the emergency room."),
                                List.of(jordan),
                                julie,
                                now.minus(10, ChronoUnit.DAYS)));
    }
}
