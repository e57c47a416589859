package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Text;
import org.mutuality.workforce.TimesheetDecision.Outcome;

/**
 * Hours a person worked on one day, on their way to approval. The entry decides its own steps: the
 * approver's ({@link #approve}, {@link #question}, {@link #sendBack}, {@link #handOver}) and the
 * worker's ({@link #answer}, {@link #correct}). Each checks that it is possible now and returns the
 * entry as it then stands with the decision to keep ({@link Moved}), changing nothing itself. Who
 * may take a step, beyond the approver and the worker named on the entry, is for {@link
 * Timesheets}, which knows the caller and the policy.
 *
 * <p>The steps, as the approver and the worker see them:
 *
 * <ol>
 *   <li>Recorded hours wait for approval ({@link Status#SUBMITTED}).
 *   <li>The approver approves them, asks a question ({@link Status#QUESTIONED}) or returns them with
 *       a reason ({@link Status#RETURNED}); each of the three is decided by the same conflict check,
 *       so an approver the policy blocks cannot question or return either.
 *   <li>The worker answers a question, or corrects the hours (questioned or returned): a correction
 *       is a new version of the entry, the one it replaces kept. Either way the hours wait for
 *       approval again; only then can they be approved.
 *   <li>No one approves, questions or returns their own hours; no one but the worker answers or
 *       corrects them; approved hours are not changed.
 * </ol>
 *
 * @param version 1 when recorded, one more with each correction
 * @param approver who the hours wait for; null when any holder of a role that approves hours may
 * @param decidedBy who approved them, once approved
 */
public record TimesheetEntry(
        TimesheetEntryId id,
        PersonId person,
        LocalDate date,
        BigDecimal hours,
        String activity,
        Status status,
        int version,
        @Nullable PersonId approver,
        @Nullable PersonId decidedBy,
        @Nullable Instant decidedAt) {

    /** Where an entry is on its way to approval. */
    public enum Status {
        /** Waiting for the approver. */
        SUBMITTED,
        /** The approver asked a question; waiting for the worker's answer or correction. */
        QUESTIONED,
        /** The approver returned the hours with a reason; waiting for the worker's correction. */
        RETURNED,
        APPROVED
    }

    public TimesheetEntry {
        if (version < 1) {
            throw new IllegalStateException("version must be 1 or more, was " + version);
        }
    }

    /**
     * Hours the worker records, sent to {@code approver}.
     *
     * @throws BadInputException when the day is after {@code today} or more than a year before it
     */
    public static TimesheetEntry record(
            PersonId worker, RecordHours hours, @Nullable PersonId approver, LocalDate today) {
        requireDay(hours, today);
        return new TimesheetEntry(
                TimesheetEntryId.random(),
                worker,
                hours.date(),
                hours.hours(),
                hours.activity(),
                Status.SUBMITTED,
                1,
                approver,
                null,
                null);
    }

    /**
     * A step taken: the entry as it stood and as it now stands, and the decision to keep.
     *
     * @param before the entry the step was taken on: what a correction replaces, and what the store
     *     checks is still current before it keeps the step
     * @param decision its detail as its actor saw it (shown to them and to the privacy lead)
     * @param shownToOthers the detail as everyone else reads it: a reason resting on a relationship
     *     only its parties may see is masked
     */
    public record Moved(
            TimesheetEntry before,
            TimesheetEntry entry,
            TimesheetDecision decision,
            @Nullable String shownToOthers) {

        /** Whether the entry changed, rather than only a decision kept (a refusal by the policy). */
        public boolean movesEntry() {
            return decision.outcome().movesEntry();
        }
    }

    /**
     * An approver's attempt, decided by the conflict check of them approving: a BLOCK refuses it
     * ({@code REFUSED_BY_POLICY}), a CONSULT not confirmed waits for the consultation ({@code
     * NEEDS_CONSULTATION}), anything else approves the hours. Every attempt is a decision to keep,
     * with the check's reasons and the approver's note.
     *
     * @param consulted the approver confirms they consulted, as a CONSULT asks
     * @param locale the language the masked reasons are kept in
     * @throws ConflictException when the hours do not wait for approval (questioned, returned, approved)
     * @throws ForbiddenException when they wait for another approver, or are {@code by}'s own
     * @throws BadInputException when the note is over 1,000 characters
     */
    public Moved approve(
            PersonId by, ConflictDecision check, boolean consulted, @Nullable String note, Locale locale, Instant at) {
        requireApprover(by);
        String why = Text.optional("note", note, Text.Limit.NOTE);
        return review(by, check, consulted, Outcome.APPROVED, why, null, locale, at);
    }

    /**
     * The approver asks the worker a question instead of approving, decided by the same conflict
     * check as approving ({@link #approve}): when it lets them, the hours wait for the worker's
     * answer and the approver becomes the one they go back to.
     *
     * @param question 1 to 1,000 characters, shown to the worker
     * @throws ConflictException when the hours do not wait for approval
     * @throws ForbiddenException when they wait for another approver, or are {@code by}'s own
     * @throws BadInputException when the question is empty or too long
     */
    public Moved question(
            PersonId by, ConflictDecision check, boolean consulted, String question, Locale locale, Instant at) {
        requireApprover(by);
        String text = Text.required("question", question, Text.Limit.NOTE);
        return review(by, check, consulted, Outcome.QUESTIONED, null, text, locale, at);
    }

    /**
     * The approver returns the hours to the worker with a reason, decided by the same conflict check
     * as approving ({@link #approve}): when it lets them, the hours wait for the worker's correction.
     *
     * @param reason 1 to 1,000 characters, shown to the worker
     * @throws ConflictException when the hours do not wait for approval
     * @throws ForbiddenException when they wait for another approver, or are {@code by}'s own
     * @throws BadInputException when the reason is empty or too long
     */
    public Moved sendBack(
            PersonId by, ConflictDecision check, boolean consulted, String reason, Locale locale, Instant at) {
        requireApprover(by);
        String text = Text.required("reason", reason, Text.Limit.NOTE);
        return review(by, check, consulted, Outcome.RETURNED, null, text, locale, at);
    }

    /**
     * The worker answers the approver's question; the hours wait for approval again, unchanged.
     *
     * @param answer 1 to 1,000 characters, shown to the approver
     * @throws ForbiddenException unless {@code by} is the worker
     * @throws ConflictException unless a question waits for an answer
     * @throws BadInputException when the answer is empty or too long
     */
    public Moved answer(PersonId by, String answer, Instant at) {
        requireWorker(by);
        if (status != Status.QUESTIONED) {
            throw new ConflictException("timesheet.noQuestion", term(status));
        }
        String text = Text.required("answer", answer, Text.Limit.NOTE);
        TimesheetEntry next = with(Status.SUBMITTED, date, hours, activity, version, approver, null, null);
        return new Moved(this, next, decision(by, Outcome.ANSWERED, null, null, text, at), null);
    }

    /**
     * The worker corrects hours that were questioned or returned: a new version of the entry, which
     * waits for approval again; the version it replaces is kept by whoever stores the step ({@link
     * Moved#before}).
     *
     * @param note what the worker wants the approver to know (optional, up to 1,000 characters)
     * @throws ForbiddenException unless {@code by} is the worker
     * @throws ConflictException unless the hours were questioned or returned (approved hours stay as
     *     approved)
     * @throws BadInputException when the day is in the future or more than a year ago, or the note is
     *     too long
     */
    public Moved correct(PersonId by, RecordHours corrected, @Nullable String note, LocalDate today, Instant at) {
        requireWorker(by);
        if (status != Status.QUESTIONED && status != Status.RETURNED) {
            throw new ConflictException("timesheet.notToCorrect", term(status));
        }
        requireDay(corrected, today);
        String text = Text.optional("note", note, Text.Limit.NOTE);
        TimesheetEntry next = with(
                Status.SUBMITTED,
                corrected.date(),
                corrected.hours(),
                corrected.activity(),
                version + 1,
                approver,
                null,
                null);
        return new Moved(this, next, decision(by, Outcome.CORRECTED, null, null, text, at), null);
    }

    /**
     * Hands the hours to another approver, {@code to}, on the conflict check of what the person
     * handing over may see: a conflict resting on a relationship hidden from them does not refuse it
     * (so it cannot be probed for); it stops {@code to} when they try to approve.
     *
     * @param toName how the decision names the new approver
     * @throws ConflictException when the hours no longer wait for approval
     * @throws BadInputException when the check blocks {@code to}, with its reasons
     */
    public Moved handOver(PersonId by, PersonId to, String toName, ConflictDecision check, Instant at) {
        requireWaiting();
        if (check.decision() == Decision.BLOCK) {
            throw new BadInputException(
                    "timesheet.handOverBlocked",
                    check.reasons().stream()
                            .filter(r -> r.decision() == Decision.BLOCK)
                            .map(ConflictDecision.Reason::explanation)
                            .distinct()
                            .collect(Collectors.joining(" ")));
        }
        String detail = "Handed to " + toName;
        return new Moved(
                this,
                with(status, date, hours, activity, version, to, decidedBy, decidedAt),
                decision(by, Outcome.HANDED_OVER, check.decision(), detail, null, at),
                detail);
    }

    /**
     * Approve, question or return, as the check lets {@code by}: a BLOCK refuses, an unconfirmed
     * CONSULT waits, otherwise {@code step} is taken. A refused attempt keeps no message: the worker
     * was not asked anything.
     */
    private Moved review(
            PersonId by,
            ConflictDecision check,
            boolean consulted,
            Outcome step,
            @Nullable String note,
            @Nullable String message,
            Locale locale,
            Instant at) {
        Outcome outcome = check.decision() == Decision.BLOCK
                ? Outcome.REFUSED_BY_POLICY
                : check.decision() == Decision.CONSULT && !consulted ? Outcome.NEEDS_CONSULTATION : step;
        TimesheetEntry next = switch (outcome) {
            case APPROVED -> with(Status.APPROVED, date, hours, activity, version, approver, by, at);
            case QUESTIONED -> with(Status.QUESTIONED, date, hours, activity, version, by, null, null);
            case RETURNED -> with(Status.RETURNED, date, hours, activity, version, by, null, null);
            default -> this;
        };
        return new Moved(
                this,
                next,
                decision(by, outcome, check.decision(), summary(check, note), outcome == step ? message : null, at),
                summary(check.forBystanders(locale), note));
    }

    private void requireApprover(PersonId by) {
        requireWaiting();
        if (by.equals(person)) {
            throw new ForbiddenException("timesheet.ownHours");
        }
        if (approver != null && !approver.equals(by)) {
            throw new ForbiddenException("timesheet.otherApprover");
        }
    }

    private void requireWorker(PersonId by) {
        if (!by.equals(person)) {
            throw new ForbiddenException("timesheet.workerOnly");
        }
    }

    private void requireWaiting() {
        if (status != Status.SUBMITTED) {
            throw new ConflictException("timesheet.notWaiting", term(status));
        }
    }

    private static Object term(Status status) {
        return Explanation.term("timesheet.status." + status.name(), status.name());
    }

    private static void requireDay(RecordHours hours, LocalDate today) {
        if (hours.date().isAfter(today) || hours.date().isBefore(today.minusYears(1))) {
            throw new BadInputException("timesheet.dayOutOfRange", hours.date().toString());
        }
    }

    private TimesheetEntry with(
            Status status,
            LocalDate date,
            BigDecimal hours,
            String activity,
            int version,
            @Nullable PersonId approver,
            @Nullable PersonId decidedBy,
            @Nullable Instant decidedAt) {
        return new TimesheetEntry(id, person, date, hours, activity, status, version, approver, decidedBy, decidedAt);
    }

    private TimesheetDecision decision(
            PersonId by,
            Outcome outcome,
            @Nullable Decision policy,
            @Nullable String detail,
            @Nullable String message,
            Instant at) {
        return new TimesheetDecision(
                UUID.randomUUID(), id, by, outcome, policy == null ? null : policy.name(), detail, message, at);
    }

    /** The check's reasons, each with its rule, and the note: the detail of a decision. */
    private static @Nullable String summary(ConflictDecision check, @Nullable String note) {
        String reasons = check.reasons().stream()
                .map(r -> r.rule() + ": " + r.explanation())
                .collect(Collectors.joining(" | "));
        String text = note == null ? reasons : reasons + (reasons.isEmpty() ? "" : " | ") + "Note: " + note;
        return text.isEmpty() ? null : text;
    }
}
