package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.workforce.TimesheetDecision.Outcome;
import org.mutuality.workforce.TimesheetEntry.Status;

/** Hours and their steps, from every state, without Spring. */
class TimesheetEntryTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    static final PersonId WORKER = person();
    static final PersonId APPROVER = person();
    static final PersonId SUPERVISOR = person();

    @Test
    void recordedHoursWaitForTheirApprover() {
        TimesheetEntry entry = submitted();

        assertThat(entry.status()).isEqualTo(Status.SUBMITTED);
        assertThat(entry.approver()).isEqualTo(APPROVER);
        assertThat(entry.activity()).isEqualTo("Drop-in");
        assertThat(entry.decidedBy()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2026-03-03", "2025-03-01"})
    void refusesADayInTheFutureOrMoreThanAYearAgo(LocalDate day) {
        assertThatThrownBy(() -> TimesheetEntry.record(WORKER, hours(day, "2"), APPROVER, TODAY))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not in the future, was " + day);
    }

    @Test
    void acceptsTodayAndTheDayAYearAgo() {
        assertThat(TimesheetEntry.record(WORKER, hours(TODAY, "1"), null, TODAY).approver())
                .isNull();
        assertThat(TimesheetEntry.record(WORKER, hours(TODAY.minusYears(1), "1"), null, TODAY)
                        .date())
                .isEqualTo(LocalDate.of(2025, 3, 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0|hours must be more than 0 and at most 24, was 0",
                "24.25|hours must be more than 0 and at most 24, was 24.25",
                "1.1|hours must be in quarter hours",
                "abc|hours must be a number such as 3.5",
                "' '|Enter the day and the number of hours."
            })
    void refusesHoursThatAreNotQuarterHoursOfADay(String typed, String message) {
        assertThatThrownBy(() -> RecordHours.typed(TODAY, typed, "Drop-in"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsHoursAsTypedWithAPointOrAComma() {
        assertThat(RecordHours.typed(TODAY, " 3,5 ", " Drop-in ")).isEqualTo(hours(TODAY, "3.5"));
        assertThatThrownBy(() -> RecordHours.typed(null, "2", "Drop-in")).isInstanceOf(BadInputException.class);
    }

    @Test
    void anActivityIsOneToFiveHundredCharacters() {
        assertThatThrownBy(() -> RecordHours.typed(TODAY, "2", "  "))
                .isInstanceOf(BadInputException.class)
                .hasMessage("activity is required");
        assertThatThrownBy(() -> RecordHours.typed(TODAY, "2", "x".repeat(501)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at most 500");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ALLOW,false", "WARN,false", "CONSULT,true"})
    void approvesWhenThePolicyLetsTheApproverActAndKeepsTheDecision(Decision decision, boolean consulted) {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = entry.approve(APPROVER, check(decision), consulted, null, Locale.ENGLISH, AT);

        assertThat(moved.entry().status()).isEqualTo(Status.APPROVED);
        assertThat(moved.entry().decidedBy()).isEqualTo(APPROVER);
        assertThat(moved.entry().decidedAt()).isEqualTo(AT);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(moved.decision().policyDecision()).isEqualTo(decision.name());
        assertThat(moved.decision().entryId()).isEqualTo(entry.id());
        assertThat(entry.status()).as("the entry itself does not change").isEqualTo(Status.SUBMITTED);
    }

    @Test
    void keepsARefusalByThePolicyWithoutApproving() {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = entry.approve(APPROVER, check(Decision.BLOCK), true, null, Locale.ENGLISH, AT);

        assertThat(moved.entry()).isEqualTo(entry);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
        assertThat(moved.decision().detail()).isEqualTo("care: Someone treats this person.");
    }

    @Test
    void waitsForAConsultationTheApproverDidNotConfirm() {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = entry.approve(APPROVER, check(Decision.CONSULT), false, null, Locale.ENGLISH, AT);

        assertThat(moved.entry()).isEqualTo(entry);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.NEEDS_CONSULTATION);
    }

    @Test
    void keepsTheNoteAndMasksAConfidentialReasonForOthers() {
        ConflictDecision.Reason friends = new ConflictDecision.Reason(
                "friends", Decision.WARN, "FRIEND", "They are friends.", List.of(), null, true);
        ConflictDecision warn = new ConflictDecision(Decision.WARN, List.of(friends), List.of());

        TimesheetEntry.Moved moved =
                submitted().approve(APPROVER, warn, false, "  Talked it through ", Locale.ENGLISH, AT);

        assertThat(moved.decision().detail()).isEqualTo("friends: They are friends. | Note: Talked it through");
        assertThat(moved.shownToOthers())
                .isEqualTo("declared-relationship: A declared relationship means someone else should take this action."
                        + " | Note: Talked it through");
    }

    @Test
    void refusesANoteOverAThousandCharacters() {
        assertThatThrownBy(() -> submitted()
                        .approve(APPROVER, check(Decision.ALLOW), false, "x".repeat(1001), Locale.ENGLISH, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAnApproverTheHoursDoNotWaitFor() {
        assertThatThrownBy(
                        () -> submitted().approve(SUPERVISOR, check(Decision.ALLOW), false, null, Locale.ENGLISH, AT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("These hours wait for another approver.");
    }

    @Test
    void letsAnyoneApproveHoursThatWaitForNoOneInParticular() {
        TimesheetEntry unassigned = TimesheetEntry.record(WORKER, hours(TODAY, "2"), null, TODAY);

        assertThat(unassigned
                        .approve(SUPERVISOR, check(Decision.ALLOW), false, null, Locale.ENGLISH, AT)
                        .entry()
                        .decidedBy())
                .isEqualTo(SUPERVISOR);
    }

    @Test
    void handsTheHoursToAnotherApprover() {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = entry.handOver(APPROVER, SUPERVISOR, "Sam Okafor", check(Decision.ALLOW), AT);

        assertThat(moved.entry().approver()).isEqualTo(SUPERVISOR);
        assertThat(moved.entry().status()).isEqualTo(Status.SUBMITTED);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.HANDED_OVER);
        assertThat(moved.decision().actor()).isEqualTo(APPROVER);
        assertThat(moved.decision().detail()).isEqualTo("Handed to Sam Okafor");
        assertThat(moved.shownToOthers()).isEqualTo("Handed to Sam Okafor");
    }

    @Test
    void refusesAHandOverTheCheckBlocksWithItsReasons() {
        assertThatThrownBy(() -> submitted().handOver(APPROVER, SUPERVISOR, "Sam", check(Decision.BLOCK), AT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("That person has a conflict with the worker: Someone treats this person. Choose another.");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void eachStepIsPossibleOnlyFromItsStates(Status status) {
        TimesheetEntry entry = in(status);
        boolean waiting = status == Status.SUBMITTED;

        assertPossible(() -> entry.approve(APPROVER, check(Decision.ALLOW), false, null, Locale.ENGLISH, AT), waiting);
        assertPossible(() -> entry.approve(APPROVER, check(Decision.BLOCK), false, null, Locale.ENGLISH, AT), waiting);
        assertPossible(() -> entry.handOver(APPROVER, SUPERVISOR, "Sam", check(Decision.ALLOW), AT), waiting);
    }

    @Test
    void aRefusedStepNamesTheCurrentState() {
        assertThatThrownBy(() -> in(Status.APPROVED).handOver(APPROVER, SUPERVISOR, "Sam", check(Decision.ALLOW), AT))
                .isInstanceOf(ConflictException.class)
                .hasMessage("These hours are “Approved”; they are no longer waiting for approval.");
    }

    private static void assertPossible(Runnable step, boolean possible) {
        if (possible) {
            step.run();
        } else {
            assertThatThrownBy(step::run).isInstanceOf(ConflictException.class);
        }
    }

    private static ConflictDecision check(Decision decision) {
        List<ConflictDecision.Reason> reasons = decision == Decision.ALLOW
                ? List.of()
                : List.of(new ConflictDecision.Reason(
                        "care", decision, "TREATS", "Someone treats this person.", List.of(), null));
        return new ConflictDecision(decision, reasons, List.of());
    }

    private static TimesheetEntry submitted() {
        return TimesheetEntry.record(WORKER, hours(TODAY.minusDays(1), "3.5"), APPROVER, TODAY);
    }

    private static TimesheetEntry in(Status status) {
        TimesheetEntry e = submitted();
        return new TimesheetEntry(
                e.id(), e.person(), e.date(), e.hours(), e.activity(), status, e.approver(), null, null);
    }

    private static RecordHours hours(LocalDate day, String hours) {
        return new RecordHours(day, new BigDecimal(hours), "Drop-in");
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
