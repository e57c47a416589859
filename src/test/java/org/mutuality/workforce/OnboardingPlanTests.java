package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;

/** The rules an onboarding plan keeps on its own: the template, steps done once, check-ins, closing. */
class OnboardingPlanTests {

    static final LocalDate FIRST = LocalDate.of(2026, 9, 7);

    final PersonId person = new PersonId(UUID.randomUUID());
    final PersonId supervisor = new PersonId(UUID.randomUUID());

    @Test
    void startsFromTheTemplateWithEachStepOwnedAsTheTemplateSays() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);

        assertThat(plan.steps()).hasSize(7);
        assertThat(plan.steps()).extracting(OnboardingPlan.Step::week).isSorted();
        OnboardingPlan.Step code = step(plan, OnboardingStepKind.READ_AND_ATTEST_THE_CODE);
        assertThat(code.owner()).isEqualTo(person);
        assertThat(step(plan, OnboardingStepKind.REVIEW_AT_90_DAYS).owner()).isEqualTo(supervisor);
        assertThat(step(plan, OnboardingStepKind.REVIEW_AT_90_DAYS).week()).isEqualTo(13);
        assertThat(plan.doneCount()).isZero();
    }

    @Test
    void refusesAPlanWhoseSupervisorIsThePerson() {
        assertThatThrownBy(() -> OnboardingPlan.fromTemplate(person, person, FIRST))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void countsWeeksFromTheFirstDayAndShowsWhatIsLate() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);
        LocalDate sixthWeek = FIRST.plusDays(37);

        assertThat(plan.weekOn(FIRST)).isEqualTo(1);
        assertThat(plan.weekOn(FIRST.plusDays(6))).isEqualTo(1);
        assertThat(plan.weekOn(FIRST.plusDays(7))).isEqualTo(2);
        assertThat(plan.weekOn(sixthWeek)).isEqualTo(6);
        assertThat(plan.weekOn(FIRST.minusDays(1))).isZero();
        OnboardingPlan.Step trainings = step(plan, OnboardingStepKind.REQUIRED_TRAININGS);
        assertThat(plan.late(trainings, sixthWeek)).isTrue();
        assertThat(plan.late(step(plan, OnboardingStepKind.FIRST_PARTICIPANT_WITH_SUPPORT), sixthWeek))
                .isFalse();
        OnboardingPlan done = plan.markDone(trainings.number(), person, sixthWeek);
        assertThat(done.late(done.step(trainings.number()), sixthWeek)).isFalse();
    }

    @Test
    void marksAStepDoneOnceAndReopensOnlyADoneStep() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);
        int number = plan.steps().get(0).number();

        OnboardingPlan done = plan.markDone(number, supervisor, FIRST);

        assertThat(done.step(number).doneOn()).isEqualTo(FIRST);
        assertThat(done.step(number).doneBy()).isEqualTo(supervisor);
        assertThatThrownBy(() -> done.markDone(number, supervisor, FIRST)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> plan.reopen(number)).isInstanceOf(ConflictException.class);
        assertThat(done.reopen(number).step(number).done()).isFalse();
        assertThatThrownBy(() -> plan.markDone(99, supervisor, FIRST)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void addsAStepWithinTheWeeksAndTheLimit() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);

        OnboardingPlan more = plan.addStep("Visit the drop-in centre", 2, supervisor);

        OnboardingPlan.Step added = more.steps().get(more.steps().size() - 1);
        assertThat(added.kind()).isEqualTo(OnboardingStepKind.OTHER);
        assertThat(added.title()).isEqualTo("Visit the drop-in centre");
        assertThat(added.number()).isEqualTo(8);
        assertThatThrownBy(() -> plan.addStep("  ", 2, supervisor)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> plan.addStep("Too late", 27, supervisor)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> plan.addStep("Too early", 0, supervisor)).isInstanceOf(BadInputException.class);
        OnboardingPlan full = plan;
        for (int i = plan.steps().size(); i < OnboardingPlan.MAX_STEPS; i++) {
            full = full.addStep("Step " + i, 3, supervisor);
        }
        OnboardingPlan last = full;
        assertThatThrownBy(() -> last.addStep("One more", 3, supervisor)).isInstanceOf(ConflictException.class);
    }

    @Test
    void neverGivesTheReviewToThePersonReviewed() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);
        int review = step(plan, OnboardingStepKind.REVIEW_AT_90_DAYS).number();

        assertThatThrownBy(() -> plan.reassign(review, person)).isInstanceOf(ConflictException.class);
        assertThat(plan.reassign(review, new PersonId(UUID.randomUUID()))
                        .step(review)
                        .owner())
                .isNotEqualTo(supervisor);
        assertThatThrownBy(() -> plan.addStep("Two\nlines", 2, supervisor)).isInstanceOf(BadInputException.class);
    }

    @Test
    void holdsACheckInOnlyBetweenTheFirstDayAndToday() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);
        LocalDate today = FIRST.plusDays(20);

        OnboardingPlan held = plan.holdCheckIn(FIRST.plusDays(13), "Settling in.", supervisor, today);

        assertThat(held.checkIns()).hasSize(1);
        assertThatThrownBy(() -> plan.holdCheckIn(today.plusDays(1), "Future", supervisor, today))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> plan.holdCheckIn(FIRST.minusDays(1), "Before", supervisor, today))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> plan.holdCheckIn(today, " ", supervisor, today))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void closesOnlyWhenEveryStepIsDoneAndThenChangesNoMore() {
        OnboardingPlan plan = OnboardingPlan.fromTemplate(person, supervisor, FIRST);
        LocalDate day = FIRST.plusDays(91);
        assertThatThrownBy(() -> plan.close(day)).isInstanceOf(ConflictException.class);

        OnboardingPlan all = plan;
        for (OnboardingPlan.Step s : plan.steps()) {
            all = all.markDone(s.number(), supervisor, day);
        }
        OnboardingPlan closed = all.close(day);

        assertThat(closed.closed()).isTrue();
        assertThat(closed.next()).isEmpty();
        assertThatThrownBy(() -> closed.reopen(1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.addStep("More", 2, supervisor)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.holdCheckIn(day, "After", supervisor, day))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> closed.close(day)).isInstanceOf(ConflictException.class);
    }

    private static OnboardingPlan.Step step(OnboardingPlan plan, OnboardingStepKind kind) {
        return plan.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
