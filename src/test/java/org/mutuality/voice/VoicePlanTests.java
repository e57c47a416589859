package org.mutuality.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;

/** The recovery plan, its suggested steps and the crisis plan as records: versions and transitions. */
class VoicePlanTests {

    static final PersonId JULIE = new PersonId(UUID.randomUUID());
    static final PersonId JORDAN = new PersonId(UUID.randomUUID());
    static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");

    static Goal goal(String words, Step... steps) {
        return Goal.write("goal", GoalId.random(), LifeArea.HOME, words, LocalDate.of(2026, 9, 1), List.of(steps));
    }

    static Step step(String text) {
        return Step.write("step", text, "my sister", LocalDate.of(2026, 4, 1), false, null);
    }

    @Test
    void keepsEachRevisionAsTheNextVersion() {
        RecoveryPlan empty = RecoveryPlan.empty(JULIE);
        RecoveryPlan first = empty.revise(List.of(goal("A home of my own")), JULIE, AT);
        RecoveryPlan second = first.revise(List.of(), JULIE, AT.plusSeconds(60));

        assertThat(empty.version()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.goals()).hasSize(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.goals()).isEmpty();
        assertThat(first.goals()).as("an earlier version is never changed").hasSize(1);
        assertThat(second.change()).isEqualTo(RecoveryPlan.Change.WRITTEN);
    }

    @Test
    void addsAnAcceptedStepToItsGoalInANewVersion() {
        Goal home = goal("A home of my own", step("Visit a co-op"));
        RecoveryPlan plan = RecoveryPlan.empty(JULIE).revise(List.of(home), JULIE, AT);

        RecoveryPlan next = plan.acceptStep(home.id(), step("Ask about the subsidy"), JULIE, AT);

        assertThat(next.version()).isEqualTo(2);
        assertThat(next.change()).isEqualTo(RecoveryPlan.Change.SUGGESTION_ACCEPTED);
        assertThat(next.goal(home.id()).orElseThrow().steps())
                .extracting(Step::text)
                .containsExactly("Visit a co-op", "Ask about the subsidy");
        assertThat(plan.goal(home.id()).orElseThrow().steps()).hasSize(1);
    }

    @Test
    void refusesAStepForAGoalThePlanNoLongerHas() {
        RecoveryPlan plan = RecoveryPlan.empty(JULIE).revise(List.of(goal("Paint")), JULIE, AT);

        assertThatThrownBy(() -> plan.acceptStep(GoalId.random(), step("x"), JULIE, AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void refusesTheSameGoalTwiceAndTooManyGoals() {
        Goal g = goal("Paint");
        assertThatThrownBy(() -> RecoveryPlan.empty(JULIE).revise(List.of(g, g), JULIE, AT))
                .isInstanceOf(BadInputException.class);
        List<Goal> many = java.util.stream.IntStream.range(0, RecoveryPlan.MAX_GOALS + 1)
                .mapToObj(i -> goal("Goal " + i))
                .toList();
        assertThatThrownBy(() -> RecoveryPlan.empty(JULIE).revise(many, JULIE, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesABlankGoalOrStepWithoutNamingIt() {
        assertThatThrownBy(() -> goal("  ")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> step("")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Goal.write("goal", GoalId.random(), null, "Paint", null, List.of()))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void acceptsAWaitingSuggestionOnce() {
        StepSuggestion s = StepSuggestion.suggest(JULIE, GoalId.random(), step("Join the art group"), JORDAN, AT);

        StepSuggestion accepted = s.accept(AT.plusSeconds(5));

        assertThat(s.waiting()).isTrue();
        assertThat(accepted.status()).isEqualTo(StepSuggestion.Status.ACCEPTED);
        assertThat(accepted.decidedAt()).isEqualTo(AT.plusSeconds(5));
        assertThatThrownBy(() -> accepted.accept(AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACCEPTED");
        assertThatThrownBy(() -> accepted.decline(AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ACCEPTED");
    }

    @Test
    void declinesAWaitingSuggestionOnce() {
        StepSuggestion declined = StepSuggestion.suggest(JULIE, GoalId.random(), step("x"), JORDAN, AT)
                .decline(AT);

        assertThat(declined.status()).isEqualTo(StepSuggestion.Status.DECLINED);
        assertThatThrownBy(() -> declined.accept(AT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DECLINED");
    }

    @Test
    void sharesACrisisPlanWithTheNamedPeopleOnly() {
        CrisisPlan plan = CrisisPlan.empty(JULIE)
                .revise(Map.of(CrisisSection.WHAT_HELPS, "Tea"), List.of(JORDAN, JORDAN), JULIE, AT);

        assertThat(plan.version()).isEqualTo(1);
        assertThat(plan.sharedWith()).containsExactly(JORDAN);
        assertThat(plan.sharedWith(JORDAN)).isTrue();
        assertThat(plan.sharedWith(new PersonId(UUID.randomUUID()))).isFalse();
        assertThat(CrisisPlan.empty(JULIE).sharedWith(JORDAN)).isFalse();

        CrisisPlan unshared = plan.revise(plan.sections(), List.of(), JULIE, AT);
        assertThat(unshared.version()).isEqualTo(2);
        assertThat(unshared.sharedWith(JORDAN)).isFalse();
        assertThat(unshared.section(CrisisSection.WHAT_HELPS)).isEqualTo("Tea");
    }

    @Test
    void refusesToShareACrisisPlanWithItsOwner() {
        assertThatThrownBy(() -> CrisisPlan.empty(JULIE).revise(Map.of(), List.of(JULIE), JULIE, AT))
                .isInstanceOf(BadInputException.class);
    }
}
