package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Pauses.Scope;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** Making a pause and every step on it, in force and after the return, without Spring. */
class RolePauseTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final PersonId PERSON = new PersonId(UUID.randomUUID());
    static final PersonId LEAD = new PersonId(UUID.randomUUID());
    static final String REASON = "A concern about money is being looked at.";

    @Test
    void startsTodayWithItsPlanInOrderAndBlankStepsLeftOut() {
        RolePause p = RolePause.start(plan(List.of(" Talk it through ", "", "Boundaries refresher")), LEAD, TODAY);

        assertThat(p.active()).isTrue();
        assertThat(p.pausedOn()).isEqualTo(TODAY);
        assertThat(p.pausedBy()).isEqualTo(LEAD);
        assertThat(p.steps())
                .extracting(RolePause.ReturnStep::position, RolePause.ReturnStep::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Talk it through"),
                        org.assertj.core.groups.Tuple.tuple(2, "Boundaries refresher"));
    }

    @Test
    void refusesAPlanWithoutAPersonAScopeOrAReason() {
        assertThatThrownBy(() -> new RolePause.Plan(null, Set.of(Scope.LEADING_GROUPS), REASON, null, List.of()))
                .hasMessage("Choose whose role is paused.");
        assertThatThrownBy(() -> new RolePause.Plan(PERSON, Set.of(), REASON, null, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Choose what is paused");
        assertThatThrownBy(() -> new RolePause.Plan(PERSON, Set.of(Scope.LEADING_GROUPS), "x", null, List.of()))
                .hasMessage("reason must be at least 5 characters, was 1");
    }

    @Test
    void refusesMoreThanTwentyStepsOrAStepOverFiveHundredCharacters() {
        assertThatThrownBy(() -> plan(Collections.nCopies(21, "A step")))
                .hasMessage("A return plan has at most 20 steps, was 21");
        assertThatThrownBy(() -> plan(List.of("x".repeat(501))))
                .hasMessage("steps must be at most 500 characters, was 501");
    }

    @Test
    void refusesAReturnInThePast() {
        RolePause.Plan plan =
                new RolePause.Plan(PERSON, Set.of(Scope.LEADING_GROUPS), REASON, TODAY.minusDays(1), List.of());

        assertThatThrownBy(() -> RolePause.start(plan, LEAD, TODAY))
                .isInstanceOf(BadInputException.class)
                .hasMessage("returnOn must not be in the past, was 2026-11-01");
    }

    @Test
    void namesAScopeFromAFormInAnyCaseOrRefusesIt() {
        assertThat(Scope.named(" leading_groups")).isEqualTo(Scope.LEADING_GROUPS);
        assertThatThrownBy(() -> Scope.named("NAPPING")).isInstanceOf(BadInputException.class);
    }

    @Test
    void takesThePersonsNoteInForceAndAfterTheReturn() {
        for (RolePause p : List.of(active(), returned())) {
            RolePause.Moved moved = p.note("  I want to learn. ");

            assertThat(moved.step()).isEqualTo(RolePause.Step.NOTED);
            assertThat(moved.pause().personNote()).isEqualTo("I want to learn.");
        }
        assertThat(active().note(" ").pause().personNote()).isEmpty();
        assertThatThrownBy(() -> active().note("x".repeat(4001))).isInstanceOf(BadInputException.class);
    }

    @Test
    void marksAStepDoneOnce() {
        RolePause p = active();
        ReturnStepId first = p.steps().get(0).id();

        RolePause.Moved moved = p.stepDone(first, TODAY);

        assertThat(moved.step()).isEqualTo(RolePause.Step.STEP_DONE);
        assertThat(moved.pause().steps().get(0).doneOn()).isEqualTo(TODAY);
        assertThat(moved.pause().steps().get(1).doneOn()).isNull();
        assertThatThrownBy(() -> moved.pause().stepDone(first, TODAY))
                .isInstanceOf(ConflictException.class)
                .hasMessage("That step is already done, or not part of this plan.");
    }

    @Test
    void refusesAStepOfAnotherPlan() {
        assertThatThrownBy(() -> active().stepDone(ReturnStepId.random(), TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void returnsThePersonToTheirRoleOnce() {
        RolePause.Moved moved = active().returnToRole(TODAY);

        assertThat(moved.step()).isEqualTo(RolePause.Step.RETURNED);
        assertThat(moved.pause().active()).isFalse();
        assertThat(moved.pause().returnedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> returned().returnToRole(TODAY))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This person already returned on 2026-11-01.");
    }

    @Test
    void changesNothingItself() {
        RolePause p = active();

        p.returnToRole(TODAY);
        p.stepDone(p.steps().get(0).id(), TODAY);

        assertThat(p.active()).isTrue();
        assertThat(p.steps()).allMatch(s -> s.doneOn() == null);
    }

    private static RolePause.Plan plan(List<String> steps) {
        return new RolePause.Plan(
                PERSON, Set.of(Scope.CONTACT_WITH_PARTICIPANTS), REASON, TODAY.plusDays(14), new ArrayList<>(steps));
    }

    private static RolePause active() {
        return RolePause.start(plan(List.of("Talk it through", "Boundaries refresher")), LEAD, TODAY);
    }

    private static RolePause returned() {
        return active().returnToRole(TODAY.minusDays(1)).pause();
    }
}
