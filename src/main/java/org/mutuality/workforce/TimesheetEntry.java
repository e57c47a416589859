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
 * Hours a person worked on one day, waiting for approval or approved. The entry decides its own
 * steps ({@link #record}, {@link #approve}, {@link #handOver}): each checks that it is possible now
 * and returns the entry as it then stands with the decision to keep ({@link Moved}), changing
 * nothing itself. Who may take a step, beyond the approver named on the entry, is for {@link
 * Timesheets}, which knows the caller and the policy.
 *
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
        @Nullable PersonId approver,
        @Nullable PersonId decidedBy,
        @Nullable Instant decidedAt) {

    /** Where an entry is in its approval. */
    public enum Status {
        SUBMITTED,
        APPROVED
    }

    /**
     * Hours the worker records, sent to {@code approver}.
     *
     * @throws BadInputException when the day is after {@code today} or more than a year before it
     */
    public static TimesheetEntry record(
            PersonId worker, RecordHours hours, @Nullable PersonId approver, LocalDate today) {
        if (hours.date().isAfter(today) || hours.date().isBefore(today.minusYears(1))) {
            throw new BadInputException("timesheet.dayOutOfRange", hours.date().toString());
        }
        return new TimesheetEntry(
                TimesheetEntryId.random(),
                worker,
                hours.date(),
                hours.hours(),
                hours.activity(),
                Status.SUBMITTED,
                approver,
                null,
                null);
    }

    /**
     * A step taken: the entry as it now stands, and the decision to keep.
     *
     * @param decision its detail as its actor saw it (shown to them and to the privacy lead)
     * @param shownToOthers the detail as everyone else reads it: a reason resting on a relationship
     *     only its parties may see is masked
     */
    public record Moved(
            TimesheetEntry entry,
            TimesheetDecision decision,
            @Nullable String shownToOthers) {}

    /**
     * An approver's attempt, decided by the conflict check of them approving: a BLOCK refuses it
     * ({@code REFUSED_BY_POLICY}), a CONSULT not confirmed waits for the consultation ({@code
     * NEEDS_CONSULTATION}), anything else approves the hours. Every attempt is a decision to keep,
     * with the check's reasons and the approver's note.
     *
     * @param consulted the approver confirms they consulted, as a CONSULT asks
     * @param locale the language the masked reasons are kept in
     * @throws ConflictException when the hours no longer wait for approval
     * @throws ForbiddenException when they wait for another approver
     * @throws BadInputException when the note is over 1,000 characters
     */
    public Moved approve(
            PersonId by, ConflictDecision check, boolean consulted, @Nullable String note, Locale locale, Instant at) {
        requireWaiting();
        if (approver != null && !approver.equals(by)) {
            throw new ForbiddenException("timesheet.otherApprover");
        }
        String why = Text.optional("note", note, Text.Limit.NOTE);
        Outcome outcome = check.decision() == Decision.BLOCK
                ? Outcome.REFUSED_BY_POLICY
                : check.decision() == Decision.CONSULT && !consulted ? Outcome.NEEDS_CONSULTATION : Outcome.APPROVED;
        TimesheetEntry next = outcome == Outcome.APPROVED
                ? new TimesheetEntry(id, person, date, hours, activity, Status.APPROVED, approver, by, at)
                : this;
        return new Moved(
                next,
                decision(by, outcome, check.decision(), summary(check, why), at),
                summary(check.forBystanders(locale), why));
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
                new TimesheetEntry(id, person, date, hours, activity, status, to, decidedBy, decidedAt),
                decision(by, Outcome.HANDED_OVER, check.decision(), detail, at),
                detail);
    }

    private void requireWaiting() {
        if (status != Status.SUBMITTED) {
            throw new ConflictException(
                    "timesheet.notWaiting", Explanation.term("timesheet.status." + status.name(), status.name()));
        }
    }

    private TimesheetDecision decision(
            PersonId by, Outcome outcome, Decision policy, @Nullable String detail, Instant at) {
        return new TimesheetDecision(UUID.randomUUID(), id, by, outcome, policy.name(), detail, at);
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
