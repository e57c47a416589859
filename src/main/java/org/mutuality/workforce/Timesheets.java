package org.mutuality.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.TimesheetDecision.Outcome;
import org.mutuality.workforce.timesheets.Entries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheets: staff record hours; their approver approves them. Every approval asks the conflict
 * check first (S1): a BLOCK refuses it and offers people without a conflict to hand it to; a
 * CONSULT needs the approver to confirm they consulted; every decision is recorded. Each step is
 * load, act ({@link TimesheetEntry} decides), save, audit. Methods never return null.
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
     * Records the signed-in person's hours and sends them to their approver ({@link #approverOf}), or
     * to the first eligible approver who takes them when there is none.
     *
     * @throws ForbiddenException when the person does not work for the agency
     * @throws BadInputException when the day is in the future or more than a year ago
     */
    @Transactional
    public TimesheetEntry record(SignedInUser worker, RecordHours hours) {
        if (!worker.isStaff()) {
            throw new ForbiddenException("timesheet.staffOnly");
        }
        TimesheetEntry entry = TimesheetEntry.record(
                worker.personId(), hours, approverOf(worker).orElse(null), LocalDate.now(clock));
        entries.insert(worker.agencyId(), entry);
        return entry;
    }

    /** The approver hours of this worker go to: who approves their time, else who supervises them. */
    public Optional<PersonId> approverOf(SignedInUser worker) {
        return approverOf(worker.agencyId(), worker.personId());
    }

    /** As {@link #approverOf(SignedInUser)}, for any worker of the agency. */
    public Optional<PersonId> approverOf(AgencyId agency, PersonId worker) {
        List<Relationship> current = relationships.currentOf(agency, worker);
        return pick(current, worker, RelationshipKind.APPROVES_TIME)
                .or(() -> pick(current, worker, RelationshipKind.SUPERVISES));
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
    public TimesheetEntry entry(SignedInUser user, TimesheetEntryId id) {
        TimesheetEntry entry = entries.find(user.agencyId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.timesheetEntry", id));
        boolean visible = user.isSelf(entry.person())
                || user.personId().equals(entry.approver())
                || user.personId().equals(entry.decidedBy())
                || user.isAdministrator()
                || user.has(Role.MANAGER);
        if (!visible) {
            throw NotFoundException.hiding(
                    "notFound.timesheetEntry", id, entry.person().value());
        }
        return entry;
    }

    /** An entry as {@link #entry} gives it, with an audit entry for the read. */
    @Transactional
    public TimesheetEntry read(SignedInUser user, TimesheetEntryId id) {
        TimesheetEntry entry = entry(user, id);
        audit.recordRead(AuditEvent.by(user, AuditAction.READ, AuditOutcome.ALLOWED)
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
    public List<TimesheetDecision> decisions(SignedInUser user, TimesheetEntryId id) {
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
     * Tries to approve an entry as the signed-in person ({@link TimesheetEntry#approve}). A refusal by
     * the policy is recorded and audited; it is an outcome, not an exception.
     *
     * @param consulted the approver confirms they consulted, as a CONSULT decision asks
     * @param note what the approver wants on record (the consultation, a caution heeded)
     * @throws ForbiddenException when the person is not this entry's approver
     * @throws ConflictException when the entry is no longer waiting for approval
     */
    @Transactional
    public ApprovalOutcome approve(
            SignedInUser approver, TimesheetEntryId id, boolean consulted, @Nullable String note) {
        TimesheetEntry entry = entry(approver, id);
        if (entry.approver() == null && entry.status() == TimesheetEntry.Status.SUBMITTED) {
            requireApproverRole(approver);
        }
        ConflictDecision check = preview(approver, entry);
        TimesheetEntry.Moved moved = entry.approve(
                approver.personId(), check, consulted, note, LocaleContextHolder.getLocale(), clock.instant());
        entries.save(approver.agencyId(), moved);
        Outcome outcome = moved.decision().outcome();
        if (outcome != Outcome.NEEDS_CONSULTATION) {
            boolean approved = outcome == Outcome.APPROVED;
            audit.record(
                    AuditEvent.by(approver, AuditAction.APPROVE, approved ? AuditOutcome.DONE : AuditOutcome.DENIED)
                            .about(entry.person().value(), "TIMESHEET", id.toString())
                            .because(
                                    "WORKFORCE",
                                    approved ? "APPROVER_" + check.decision().name() : "CONFLICT_POLICY_BLOCK"));
        }
        return outcome == Outcome.APPROVED
                ? new ApprovalOutcome.Approved(moved.entry(), check)
                : new ApprovalOutcome.Refused(entry, check, outcome == Outcome.NEEDS_CONSULTATION);
    }

    /**
     * Hands an entry to another approver ({@link TimesheetEntry#handOver}), who must hold a role that
     * may approve hours and have no conflict that blocks it among those the caller may see ({@link
     * ConflictCheck#checkHandOver}).
     *
     * @throws ForbiddenException unless the person is the current approver, an administrator or a manager
     * @throws BadInputException when the new approver may not approve these hours, with the reasons
     *     the caller may see
     */
    @Transactional
    public TimesheetEntry handOver(SignedInUser by, TimesheetEntryId id, PersonId to) {
        TimesheetEntry entry = entry(by, id);
        if (!by.personId().equals(entry.approver()) && !by.isAdministrator() && !by.has(Role.MANAGER)) {
            throw new ForbiddenException("timesheet.whoHandsOver");
        }
        Person target = directory.requirePerson(by.agencyId(), to);
        Set<Role> eligible = conflicts.eligibleRoles(by.agencyId(), Action.APPROVE_TIMESHEET);
        if (!target.active() || Collections.disjoint(target.activeRoles(LocalDate.now(clock)), eligible)) {
            throw new BadInputException("timesheet.notAnApprover", roles(eligible));
        }
        ConflictDecision check = conflicts.checkHandOver(by, Action.APPROVE_TIMESHEET, to, entry.person());
        TimesheetEntry.Moved moved = entry.handOver(by.personId(), to, target.displayName(), check, clock.instant());
        entries.save(by.agencyId(), moved);
        return moved.entry();
    }

    private void requireApproverRole(SignedInUser approver) {
        if (Collections.disjoint(
                approver.roles(), conflicts.eligibleRoles(approver.agencyId(), Action.APPROVE_TIMESHEET))) {
            throw new ForbiddenException("timesheet.noApproverRole");
        }
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
