package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;

/** When supervision is due, overdue and over the ratio: the schedule's rules as a table. */
class SupervisionScheduleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @ParameterizedTest(name = "{0}: every {1} weeks")
    @CsvSource({
        "PEER_WORKER, 2",
        "VOLUNTEER_PEER, 2",
        "CLINICIAN, 4",
        "SUPERVISOR, 4",
        "MANAGER, 4",
        "RESEARCHER, 4",
        "PRIVACY_LEAD, 4",
        "ADMINISTRATOR, 4"
    })
    void isDueEveryTwoWeeksForPeerRolesAndFourForOthersByDefault(Role role, int weeks) {
        assertThat(SupervisionSchedule.defaults().weeksFor(Set.of(role))).isEqualTo(weeks);
    }

    @Test
    void isDueAtTheShortestIntervalOfThePersonsStaffRoles() {
        SupervisionSchedule s = SupervisionSchedule.defaults();

        assertThat(s.weeksFor(List.of(Role.CLINICIAN, Role.PEER_WORKER))).isEqualTo(2);
        assertThat(s.weeksFor(List.of(Role.PARTICIPANT))).isEqualTo(4);
        assertThat(s.weeksFor(List.of(Role.PEER_WORKER, Role.PARTICIPANT))).isEqualTo(2);
    }

    @ParameterizedTest(name = "last held {0}, began {1}: due {2}")
    @CsvSource({"2026-10-20, 2025-01-01, 2026-11-03", ", 2026-10-01, 2026-10-15", ", , 2026-11-16"})
    void countsFromTheLastSessionOrElseFromWhenSupervisionBegan(LocalDate last, LocalDate began, LocalDate due) {
        assertThat(SupervisionSchedule.defaults().dueOn(last, began, Set.of(Role.PEER_WORKER), TODAY))
                .isEqualTo(due);
    }

    @ParameterizedTest(name = "due {0}: overdue {1}")
    @CsvSource({"2026-11-01, true", "2026-11-02, false", "2026-11-03, false"})
    void isOverdueFromTheDayAfterItWasDue(LocalDate due, boolean overdue) {
        assertThat(SupervisionSchedule.overdue(due, TODAY)).isEqualTo(overdue);
    }

    @Test
    void flagsASupervisorOverTheRatioOnly() {
        SupervisionSchedule s = SupervisionSchedule.defaults();

        assertThat(s.ratio()).isEqualTo(8);
        assertThat(s.overRatio(8)).isFalse();
        assertThat(s.overRatio(9)).isTrue();
    }

    @Test
    void followsTheAgencysOwnIntervalsAndRatio() {
        SupervisionSchedule s = new SupervisionSchedule(Map.of(Role.PEER_WORKER, 1, Role.CLINICIAN, 6), 5);

        assertThat(s.weeksFor(Set.of(Role.PEER_WORKER))).isEqualTo(1);
        assertThat(s.weeksFor(Set.of(Role.CLINICIAN))).isEqualTo(6);
        assertThat(s.weeksFor(Set.of(Role.VOLUNTEER_PEER))).isEqualTo(2);
        assertThat(s.overRatio(6)).isTrue();
    }

    @Test
    void refusesIntervalsAndRatiosOutOfRangeAndRolesThatAreNotStaff() {
        assertThatThrownBy(() -> new SupervisionSchedule(Map.of(Role.PEER_WORKER, 0), 8))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(Map.of(Role.PEER_WORKER, 27), 8))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(Map.of(Role.PARTICIPANT, 2), 8))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(Map.of(), 0)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new SupervisionSchedule(Map.of(), 51)).isInstanceOf(BadInputException.class);
    }

    @Test
    void bringsBackChecklistTopicsNotDiscussedForNinetyDays() {
        List<AgendaItem> waiting = AgendaChecklistTopics.waiting(
                Map.of(
                        ChecklistTopic.RESOURCES, TODAY.minusDays(90),
                        ChecklistTopic.INCLUSION, TODAY.minusDays(91)),
                TODAY);

        assertThat(waiting).hasSize(15);
        assertThat(waiting)
                .extracting(AgendaItem::reference)
                .doesNotContain("RESOURCES")
                .contains("INCLUSION");
        assertThat(waiting)
                .filteredOn(i -> i.reference().equals("INCLUSION"))
                .extracting(AgendaItem::since)
                .containsExactly(TODAY.minusDays(91));
    }
}
