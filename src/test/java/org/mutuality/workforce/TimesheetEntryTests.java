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
                .isEqualTo("declared-relationship: A declared relationship asks for care: talk it through before going"
                        + " ahead. | Note: Talked it through");
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
        assertPossible(
                () -> entry.question(APPROVER, check(Decision.ALLOW), false, "Why?", Locale.ENGLISH, AT), waiting);
        assertPossible(
                () -> entry.sendBack(APPROVER, check(Decision.ALLOW), false, "Day", Locale.ENGLISH, AT), waiting);
        assertPossible(() -> entry.answer(WORKER, "Because", AT), status == Status.QUESTIONED);
        assertPossible(
                () -> entry.correct(WORKER, hours(TODAY, "2"), null, TODAY, AT),
                status == Status.QUESTIONED || status == Status.RETURNED);
    }

    /** Every step from every state: where it leads, or that it is refused. */
    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
        "SUBMITTED,  approve,  APPROVED",
        "SUBMITTED,  question, QUESTIONED",
        "SUBMITTED,  return,   RETURNED",
        "SUBMITTED,  answer,   refused",
        "SUBMITTED,  correct,  refused",
        "QUESTIONED, approve,  refused",
        "QUESTIONED, question, refused",
        "QUESTIONED, return,   refused",
        "QUESTIONED, answer,   SUBMITTED",
        "QUESTIONED, correct,  SUBMITTED",
        "RETURNED,   approve,  refused",
        "RETURNED,   question, refused",
        "RETURNED,   return,   refused",
        "RETURNED,   answer,   refused",
        "RETURNED,   correct,  SUBMITTED",
        "APPROVED,   approve,  refused",
        "APPROVED,   question, refused",
        "APPROVED,   return,   refused",
        "APPROVED,   answer,   refused",
        "APPROVED,   correct,  refused"
    })
    void leadsEachStepFromEachStateOrRefusesIt(Status from, String step, String to) {
        TimesheetEntry entry = in(from);
        Runnable take = () -> step(entry, step);

        if (to.equals("refused")) {
            assertThatThrownBy(take::run).isInstanceOf(ConflictException.class);
        } else {
            assertThat(step(entry, step).entry().status()).isEqualTo(Status.valueOf(to));
        }
    }

    @Test
    void asksAQuestionThatTheWorkerReadsAndThatNamesTheApproverToAnswerTo() {
        TimesheetEntry unassigned = TimesheetEntry.record(WORKER, hours(TODAY, "2"), null, TODAY);

        TimesheetEntry.Moved moved = unassigned.question(
                SUPERVISOR, check(Decision.ALLOW), false, "  Was this the Tuesday group? ", Locale.ENGLISH, AT);

        assertThat(moved.entry().status()).isEqualTo(Status.QUESTIONED);
        assertThat(moved.entry().approver())
                .as("the answer goes back to who asked")
                .isEqualTo(SUPERVISOR);
        assertThat(moved.entry().decidedBy()).isNull();
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.QUESTIONED);
        assertThat(moved.decision().message()).isEqualTo("Was this the Tuesday group?");
        assertThat(moved.movesEntry()).isTrue();
    }

    @Test
    void returnsTheHoursWithTheReasonForTheWorker() {
        TimesheetEntry.Moved moved =
                submitted().sendBack(APPROVER, check(Decision.WARN), false, "Two hours, not 3.5", Locale.ENGLISH, AT);

        assertThat(moved.entry().status()).isEqualTo(Status.RETURNED);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.RETURNED);
        assertThat(moved.decision().message()).isEqualTo("Two hours, not 3.5");
        assertThat(moved.decision().detail()).isEqualTo("care: Someone treats this person.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"question", "return", "approve"})
    void refusesAnApproverThePolicyBlocksFromQuestioningReturningOrApprovingAndKeepsNoMessage(String step) {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = review(entry, step, check(Decision.BLOCK), true);

        assertThat(moved.entry()).isEqualTo(entry);
        assertThat(moved.movesEntry()).isFalse();
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.REFUSED_BY_POLICY);
        assertThat(moved.decision().message()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"question", "return", "approve"})
    void waitsForAConsultationBeforeQuestioningReturningOrApproving(String step) {
        TimesheetEntry entry = submitted();

        TimesheetEntry.Moved moved = review(entry, step, check(Decision.CONSULT), false);

        assertThat(moved.entry()).isEqualTo(entry);
        assertThat(moved.decision().outcome()).isEqualTo(Outcome.NEEDS_CONSULTATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"question", "return", "approve"})
    void refusesTheWorkerQuestioningReturningOrApprovingTheirOwnHours(String step) {
        TimesheetEntry own = TimesheetEntry.record(WORKER, hours(TODAY, "2"), null, TODAY);

        assertThatThrownBy(() -> reviewAs(own, WORKER, step))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("No one approves, questions or returns their own hours.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"question", "return"})
    void refusesAnotherApproverQuestioningOrReturning(String step) {
        assertThatThrownBy(() -> reviewAs(submitted(), SUPERVISOR, step))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("These hours wait for another approver.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"question", "return"})
    void refusesAnEmptyOrOverlongQuestionOrReason(String step) {
        assertThatThrownBy(() -> review(submitted(), step, "  ")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> review(submitted(), step, "x".repeat(1001))).isInstanceOf(BadInputException.class);
    }

    @Test
    void letsOnlyTheWorkerAnswerAndSendsTheHoursBackForApproval() {
        TimesheetEntry questioned = in(Status.QUESTIONED);

        assertThatThrownBy(() -> questioned.answer(APPROVER, "I did", AT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Only the person who worked these hours answers or corrects them.");
        assertThatThrownBy(() -> questioned.answer(WORKER, " ", AT)).isInstanceOf(BadInputException.class);
        TimesheetEntry.Moved answered = questioned.answer(WORKER, "Yes, the Tuesday group", AT);

        assertThat(answered.entry().status()).isEqualTo(Status.SUBMITTED);
        assertThat(answered.entry().version()).as("an answer changes no hours").isEqualTo(1);
        assertThat(answered.entry().hours()).isEqualTo(questioned.hours());
        assertThat(answered.decision().outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(answered.decision().message()).isEqualTo("Yes, the Tuesday group");
        assertThat(answered.decision().policyDecision()).isNull();
    }

    @Test
    void correctsReturnedHoursAsANewVersionAndKeepsTheOneItReplaces() {
        TimesheetEntry returned = in(Status.RETURNED);

        TimesheetEntry.Moved corrected = returned.correct(
                WORKER, new RecordHours(TODAY.minusDays(2), new BigDecimal("2"), "Walking group"), "Sorry", TODAY, AT);

        assertThat(corrected.entry().status()).isEqualTo(Status.SUBMITTED);
        assertThat(corrected.entry().version()).isEqualTo(2);
        assertThat(corrected.entry().id()).isEqualTo(returned.id());
        assertThat(corrected.entry().hours()).isEqualByComparingTo("2");
        assertThat(corrected.entry().activity()).isEqualTo("Walking group");
        assertThat(corrected.entry().date()).isEqualTo(TODAY.minusDays(2));
        assertThat(corrected.before()).as("the version it replaces, to keep").isEqualTo(returned);
        assertThat(corrected.decision().outcome()).isEqualTo(Outcome.CORRECTED);
        assertThat(corrected.decision().message()).isEqualTo("Sorry");
    }

    @Test
    void refusesACorrectionByAnyoneButTheWorkerOrToADayOutOfRange() {
        TimesheetEntry returned = in(Status.RETURNED);

        assertThatThrownBy(() -> returned.correct(APPROVER, hours(TODAY, "2"), null, TODAY, AT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> returned.correct(WORKER, hours(TODAY.plusDays(1), "2"), null, TODAY, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesToCorrectApprovedHoursNamingTheirState() {
        assertThatThrownBy(() -> in(Status.APPROVED).correct(WORKER, hours(TODAY, "2"), null, TODAY, AT))
                .isInstanceOf(ConflictException.class)
                .hasMessage(
                        "These hours are “Approved”; only hours that were questioned or returned can be corrected.");
    }

    @Test
    void approvesCorrectedHoursOnlyOnceTheyWaitAgain() {
        TimesheetEntry returned = submitted()
                .sendBack(APPROVER, check(Decision.ALLOW), false, "Wrong day", Locale.ENGLISH, AT)
                .entry();
        assertThatThrownBy(() -> returned.approve(APPROVER, check(Decision.ALLOW), false, null, Locale.ENGLISH, AT))
                .isInstanceOf(ConflictException.class);

        TimesheetEntry corrected =
                returned.correct(WORKER, hours(TODAY, "3.5"), null, TODAY, AT).entry();

        assertThat(corrected
                        .approve(APPROVER, check(Decision.ALLOW), false, null, Locale.ENGLISH, AT)
                        .entry()
                        .status())
                .isEqualTo(Status.APPROVED);
    }

    private static TimesheetEntry.Moved step(TimesheetEntry entry, String step) {
        return switch (step) {
            case "answer" -> entry.answer(WORKER, "Because", AT);
            case "correct" -> entry.correct(WORKER, hours(TODAY, "2"), null, TODAY, AT);
            default -> review(entry, step, check(Decision.ALLOW), false);
        };
    }

    private static TimesheetEntry.Moved review(
            TimesheetEntry entry, String step, ConflictDecision check, boolean consulted) {
        return switch (step) {
            case "approve" -> entry.approve(APPROVER, check, consulted, null, Locale.ENGLISH, AT);
            case "question" -> entry.question(APPROVER, check, consulted, "Why?", Locale.ENGLISH, AT);
            case "return" -> entry.sendBack(APPROVER, check, consulted, "Wrong day", Locale.ENGLISH, AT);
            default -> throw new IllegalArgumentException("no review step " + step);
        };
    }

    private static TimesheetEntry.Moved review(TimesheetEntry entry, String step, String text) {
        return step.equals("question")
                ? entry.question(APPROVER, check(Decision.ALLOW), false, text, Locale.ENGLISH, AT)
                : entry.sendBack(APPROVER, check(Decision.ALLOW), false, text, Locale.ENGLISH, AT);
    }

    private static TimesheetEntry.Moved reviewAs(TimesheetEntry entry, PersonId by, String step) {
        ConflictDecision allow = check(Decision.ALLOW);
        return switch (step) {
            case "approve" -> entry.approve(by, allow, false, null, Locale.ENGLISH, AT);
            case "question" -> entry.question(by, allow, false, "Why?", Locale.ENGLISH, AT);
            case "return" -> entry.sendBack(by, allow, false, "Wrong day", Locale.ENGLISH, AT);
            default -> throw new IllegalArgumentException("no review step " + step);
        };
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
                e.id(), e.person(), e.date(), e.hours(), e.activity(), status, 1, e.approver(), null, null);
    }

    private static RecordHours hours(LocalDate day, String hours) {
        return new RecordHours(day, new BigDecimal(hours), "Drop-in");
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
