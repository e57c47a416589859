package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.workforce.WorkPlan.Side;
import org.mutuality.workforce.WorkPlan.Stage;

class WorkPlanTests {

    static final Instant AT = Instant.parse("2026-06-30T10:00:00Z");
    static final PersonId PERSON = new PersonId(UUID.randomUUID());
    static final PersonId SUPERVISOR = new PersonId(UUID.randomUUID());

    static WorkPlan planned() {
        return WorkPlan.start(PERSON, 2026)
                .plan(List.of("Co-lead the recovery group"), List.of(WorkPlan.Project.of("Welcome walk", null)));
    }

    static String key(Throwable e) {
        return ((Explained) e).explanation().key();
    }

    @Test
    void keepsGoalsAndProjectsAsWritten() {
        WorkPlan plan = WorkPlan.start(PERSON, 2026)
                .plan(List.of("  Lead a group  "), List.of(WorkPlan.Project.of(" Leaflet ", " One page ")));

        assertThat(plan.goals()).containsExactly("Lead a group");
        assertThat(plan.projects()).containsExactly(new WorkPlan.Project("Leaflet", "One page"));
        assertThat(plan.saved()).isFalse();
    }

    @Test
    void refusesABlankGoal() {
        assertThatThrownBy(() -> WorkPlan.start(PERSON, 2026).plan(List.of(" "), List.of()))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAProjectWithoutAName() {
        assertThatThrownBy(() -> WorkPlan.Project.of("", "Something")).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAYearOutOfRange() {
        assertThatThrownBy(() -> WorkPlan.start(PERSON, 1999))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("workPlan.badYear"));
    }

    @Test
    void refusesAReviewBeforeAnyGoal() {
        assertThatThrownBy(() -> WorkPlan.start(PERSON, 2026).sign(Stage.MID_YEAR, Side.PERSON, "Fine.", PERSON, AT))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("workPlan.noGoals"));
    }

    @Test
    void signsEachPartOnceAndNeverChangesIt() {
        WorkPlan signed = planned().sign(Stage.MID_YEAR, Side.PERSON, "Going well.", PERSON, AT);

        assertThat(signed.part(Stage.MID_YEAR, Side.PERSON)).hasValueSatisfying(s -> {
            assertThat(s.text()).isEqualTo("Going well.");
            assertThat(s.signedBy()).isEqualTo(PERSON);
        });
        assertThat(signed.complete(Stage.MID_YEAR)).isFalse();
        assertThatThrownBy(() -> signed.sign(Stage.MID_YEAR, Side.PERSON, "Changed my mind.", PERSON, AT))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("workPlan.alreadySigned"));
    }

    @ParameterizedTest(name = "year-end {0} before the mid-year is complete")
    @CsvSource({"PERSON, none", "SUPERVISOR, none", "PERSON, PERSON", "SUPERVISOR, PERSON", "PERSON, SUPERVISOR"})
    void refusesTheYearEndBeforeBothPartsOfTheMidYear(Side side, String midYearSigned) {
        WorkPlan plan = midYearSigned.equals("none")
                ? planned()
                : planned().sign(Stage.MID_YEAR, Side.valueOf(midYearSigned), "Mid-year.", PERSON, AT);

        assertThatThrownBy(() -> plan.sign(Stage.YEAR_END, side, "Year end.", SUPERVISOR, AT))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("workPlan.midYearFirst"));
    }

    @Test
    void closesGoalsAndProjectsOnceTheYearEndReviewBegins() {
        WorkPlan midYear = planned()
                .sign(Stage.MID_YEAR, Side.PERSON, "Mid-year.", PERSON, AT)
                .sign(Stage.MID_YEAR, Side.SUPERVISOR, "Agreed.", SUPERVISOR, AT);
        assertThat(midYear.complete(Stage.MID_YEAR)).isTrue();
        assertThat(midYear.plan(List.of("A revised goal"), List.of()).goals()).containsExactly("A revised goal");

        WorkPlan yearEnd = midYear.sign(Stage.YEAR_END, Side.SUPERVISOR, "A good year.", SUPERVISOR, AT);

        assertThat(yearEnd.closed()).isTrue();
        assertThatThrownBy(() -> yearEnd.plan(List.of("Too late"), List.of()))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("workPlan.closed"));
        assertThat(yearEnd.sign(Stage.YEAR_END, Side.PERSON, "Thank you.", PERSON, AT)
                        .complete(Stage.YEAR_END))
                .isTrue();
    }

    @Test
    void refusesABlankReview() {
        assertThatThrownBy(() -> planned().sign(Stage.MID_YEAR, Side.PERSON, "  ", PERSON, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesMoreThanTwentyGoals() {
        List<String> goals = java.util.Collections.nCopies(WorkPlan.MAX_ITEMS + 1, "A goal");

        assertThatThrownBy(() -> WorkPlan.start(PERSON, 2026).plan(goals, List.of()))
                .isInstanceOf(BadInputException.class);
    }
}
