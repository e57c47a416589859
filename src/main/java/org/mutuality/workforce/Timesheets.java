package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.timesheets.Entries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheets: staff record hours; their approver approves them. Every approval asks the conflict
 * check first (S1): a BLOCK refuses it and offers people without a conflict to hand it to; a
 * CONSULT needs the approver to confirm they consulted; every decision is recorded. Methods never
 * return null.
 */
@Service
public class Timesheets {

    private final Entries entries;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;

    Timesheets(
            Entries entries,
            ConflictCheck conflicts,
            RelationshipRegister relationships,
            Directory directory,
            Clock clock,
            AuditLog audit) {
        this.audit = audit;
        this.entries = entries;
        this.conflicts = conflicts;
        this.relationships = relationships;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records the signed-in person's hours and sends them to their approver: the person who approves
     * their time, else their supervisor, else the first eligible approver who takes it.
     *
     * @throws ForbiddenException when the person does not work for the agency
     * @throws IllegalArgumentException when the day is in the future or more than a year ago
     */
    @Transactional
    public TimesheetEntry record(SignedInUser worker, RecordHours hours) {
        if (!worker.isStaff()) {
            throw new ForbiddenException("Only people who work for the agency record hours.");
        }
        LocalDate today = LocalDate.now(clock);
        if (hours.date().isAfter(today) || hours.date().isBefore(today.minusYears(1))) {
            throw new IllegalArgumentException(
                    "date must be within the last year and not in the future, was " + hours.date());
        }
        UUID id = entries.insert(
                worker.agencyId(), worker.personId(), hours, approverOf(worker).orElse(null));
        return entries.find(worker.agencyId(), id).orElseThrow();
    }

    /** The approver hours of this worker go to: who approves their time, else who supervises them. */
    public Optional<PersonId> approverOf(SignedInUser worker) {
        List<Relationship> current = relationships.currentOf(worker.agencyId(), worker.personId());
        return pick(current, worker.personId(), RelationshipKind.APPROVES_TIME)
                .or(() -> pick(current, worker.personId(), RelationshipKind.SUPERVISES));
    }

    private static Optional<PersonId> pick(List<Relationship> current, PersonId worker, RelationshipKind kind) {
        return current.stream()
                .filter(r -> r.kind() == kind && r.personB().equals(worker))
                .map(Relationship::personA)
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<TimesheetEntry> mine(SignedInUser user) {
        return entries.of(user.agencyId(), user.personId());
    }

    /** Hours waiting for this person's approval. */
    @Transactional(readOnly = true)
    public List<TimesheetEntry> waitingFor(SignedInUser user) {
        return entries.waitingFor(user.agencyId(), user.personId());
    }

    /**
     * An entry, if the person may see it: the worker, the current approver, whoever decided it, and
     * administrators and managers. Otherwise {@link NotFoundException}.
     */
    @Transactional(readOnly = true)
    public TimesheetEntry entry(SignedInUser user, UUID id) {
        TimesheetEntry entry =
                entries.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("timesheet entry", id));
        boolean visible = user.isSelf(entry.person())
                || user.personId().equals(entry.approver())
                || user.personId().equals(entry.decidedBy())
                || user.isAdministrator()
                || user.has(Role.MANAGER);
        if (!visible) {
            throw NotFoundException.hiding("timesheet entry", id, entry.person().value());
        }
        return entry;
    }

    /** An entry as {@link #entry} gives it, with an audit entry for the read. */
    @Transactional
    public TimesheetEntry read(SignedInUser user, UUID id) {
        TimesheetEntry entry = entry(user, id);
        audit.recordRead(AuditEvent.by(user, "READ", "ALLOWED")
                .about(entry.person().value(), "TIMESHEET", id.toString())
                .because("WORKFORCE", user.isSelf(entry.person()) ? "SELF" : "APPROVER"));
        return entry;
    }

    /**
     * The decisions taken on an entry the person may see ({@link #entry}), oldest first. A decision's
     * reason shows as its approver saw it only to that approver and the privacy lead; everyone else
     * (administrators and managers included) reads it masked, so a relationship only its parties may
     * see shows as "a declared relationship".
     */
    @Transactional(readOnly = true)
    public List<TimesheetDecision> decisions(SignedInUser user, UUID id) {
        entry(user, id);
        return entries.decisions(user.agencyId(), id, actor -> user.isSelf(actor) || user.isPrivacyLead());
    }

    /**
     * What the conflict policy says about this person approving this entry, without approving it:
     * for showing the decision before anyone clicks.
     */
    public ConflictDecision preview(SignedInUser approver, TimesheetEntry entry) {
        return conflicts.check(approver, Action.APPROVE_TIMESHEET, approver.personId(), entry.person());
    }

    /**
     * Tries to approve an entry as the signed-in person.
     *
     * @param consulted the approver confirms they consulted, as a CONSULT decision asks
     * @param note what the approver wants on record (the consultation, a caution heeded)
     * @throws ForbiddenException when the person is not this entry's approver
     * @throws ConflictException when the entry is no longer waiting for approval
     */
    @Transactional
    public ApprovalOutcome approve(SignedInUser approver, UUID id, boolean consulted, @Nullable String note) {
        TimesheetEntry entry = entry(approver, id);
        requireWaiting(entry);
        requireApprover(approver, entry);
        ConflictDecision check = preview(approver, entry);
        String summary = summary(check, note);
        String forOthers = summary(check.forBystanders(LocaleContextHolder.getLocale()), note);
        if (check.decision() == Decision.BLOCK) {
            entries.recordDecision(
                    approver.agencyId(),
                    id,
                    approver.personId(),
                    TimesheetDecision.Outcome.REFUSED_BY_POLICY,
                    check.decision().name(),
                    summary,
                    forOthers);
            audit.record(AuditEvent.by(approver, "APPROVE", "DENIED")
                    .about(entry.person().value(), "TIMESHEET", id.toString())
                    .because("WORKFORCE", "CONFLICT_POLICY_BLOCK"));
            return new ApprovalOutcome.Refused(entry, check, false);
        }
        if (check.decision() == Decision.CONSULT && !consulted) {
            entries.recordDecision(
                    approver.agencyId(),
                    id,
                    approver.personId(),
                    TimesheetDecision.Outcome.NEEDS_CONSULTATION,
                    check.decision().name(),
                    summary,
                    forOthers);
            return new ApprovalOutcome.Refused(entry, check, true);
        }
        if (!entries.approve(approver.agencyId(), id, approver.personId())) {
            throw new ConflictException("These hours are no longer waiting for approval.");
        }
        entries.recordDecision(
                approver.agencyId(),
                id,
                approver.personId(),
                TimesheetDecision.Outcome.APPROVED,
                check.decision().name(),
                summary,
                forOthers);
        audit.record(AuditEvent.by(approver, "APPROVE", "DONE")
                .about(entry.person().value(), "TIMESHEET", id.toString())
                .because("WORKFORCE", "APPROVER_" + check.decision().name()));
        return new ApprovalOutcome.Approved(
                entries.find(approver.agencyId(), id).orElseThrow(), check);
    }

    /**
     * Hands an entry to another approver, who must hold a role that may approve hours and have no
     * conflict that blocks it among those the caller may see ({@link ConflictCheck#checkHandOver}). A
     * conflict resting on a relationship hidden from the caller does not refuse the hand-over, so it
     * cannot be probed for; it stops the new approver when they try to approve, and they hand it on.
     *
     * @throws ForbiddenException unless the person is the current approver, an administrator or a manager
     * @throws IllegalArgumentException when the new approver may not approve these hours, with the
     *     reasons the caller may see
     */
    @Transactional
    public TimesheetEntry handOver(SignedInUser by, UUID id, PersonId to) {
        TimesheetEntry entry = entry(by, id);
        requireWaiting(entry);
        if (!by.personId().equals(entry.approver()) && !by.isAdministrator() && !by.has(Role.MANAGER)) {
            throw new ForbiddenException("Only the current approver, an administrator or a manager hands hours over.");
        }
        Person target = directory.requirePerson(by.agencyId(), to);
        Set<Role> eligible = conflicts.eligibleRoles(by.agencyId(), Action.APPROVE_TIMESHEET);
        if (!target.active() || Collections.disjoint(target.activeRoles(LocalDate.now(clock)), eligible)) {
            throw new IllegalArgumentException("that person does not hold a role that approves hours ("
                    + eligible.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")");
        }
        // Decided on what the caller may see: refusing on a relationship hidden from them would tell them
        // it exists. The new approver's own check stops them when they try to approve (ADR 0012).
        ConflictDecision check = conflicts.checkHandOver(by, Action.APPROVE_TIMESHEET, to, entry.person());
        if (check.decision() == Decision.BLOCK) {
            throw new IllegalArgumentException("that person has a conflict with the worker: "
                    + check.reasons().stream()
                            .filter(r -> r.decision() == Decision.BLOCK)
                            .map(ConflictDecision.Reason::explanation)
                            .distinct()
                            .collect(Collectors.joining(" "))
                    + " Choose another.");
        }
        entries.reassign(by.agencyId(), id, to);
        entries.recordDecision(
                by.agencyId(),
                id,
                by.personId(),
                TimesheetDecision.Outcome.HANDED_OVER,
                check.decision().name(),
                "Handed to " + target.displayName(),
                "Handed to " + target.displayName());
        return entries.find(by.agencyId(), id).orElseThrow();
    }

    private void requireApprover(SignedInUser approver, TimesheetEntry entry) {
        if (entry.approver() != null) {
            if (!approver.personId().equals(entry.approver())) {
                throw new ForbiddenException("These hours wait for another approver.");
            }
            return;
        }
        Set<Role> eligible = conflicts.eligibleRoles(approver.agencyId(), Action.APPROVE_TIMESHEET);
        if (Collections.disjoint(approver.roles(), eligible)) {
            throw new ForbiddenException("You do not hold a role that approves hours.");
        }
    }

    private static void requireWaiting(TimesheetEntry entry) {
        if (entry.status() != TimesheetEntry.Status.SUBMITTED) {
            throw new ConflictException("These hours are no longer waiting for approval.");
        }
    }

    private static @Nullable String summary(ConflictDecision check, @Nullable String note) {
        String reasons = check.reasons().stream()
                .map(r -> r.rule() + ": " + r.explanation())
                .collect(Collectors.joining(" | "));
        String text = note == null || note.isBlank()
                ? reasons
                : reasons + (reasons.isEmpty() ? "" : " | ") + "Note: " + note.strip();
        return text.isEmpty() ? null : text;
    }
}
