package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.workforce.TimesheetDecision.Outcome;
import org.mutuality.workforce.timesheets.Entries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheets: staff record hours; their approver approves them, or asks a question about them, or
 * returns them with a reason, and the worker answers or corrects them. Each of the approver's steps
 * asks the conflict check first (S1): a BLOCK refuses it and offers people without a conflict to
 * hand it to; a CONSULT needs the approver to confirm they consulted; every decision is recorded.
 * Each step is load, act ({@link TimesheetEntry} decides), save, audit, notify. Methods never
 * return null.
 */
@Service
public class Timesheets {

    /** The most weeks {@link #weeks} gives at once. */
    public static final int MAX_WEEKS = 26;

    /** How many entries a page of the caller's hours shows unless they ask for another number. */
    public static final int PAGE = 30;

    private final Entries entries;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final Directory directory;
    private final Clock clock;
    private final AuditLog audit;
    private final Notices notices;
    private final DirectSupportMinutes directSupport;

    Timesheets(
            Entries entries,
            ConflictCheck conflicts,
            RelationshipRegister relationships,
            Directory directory,
            Clock clock,
            AuditLog audit,
            Notices notices,
            DirectSupportMinutes directSupport) {
        this.audit = audit;
        this.notices = notices;
        this.directSupport = directSupport;
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
        TimesheetEntry entry =
                TimesheetEntry.record(worker.personId(), hours, routeOf(worker).approver(), LocalDate.now(clock));
        entries.insert(worker.agencyId(), entry);
        if (entry.approver() != null) {
            notices.send(worker.agencyId(), entry.approver(), NoticeKind.TIMESHEET_WAITING, link(entry));
        }
        return entry;
    }

    /**
     * Where this worker's new hours go: the first of those who approve their time, then of those who
     * supervise them, whom the conflict check does not stop or send to a consultation. The check is
     * asked on the worker's own view ({@link ConflictCheck#checkHandOver}), so the route never tells
     * them of a relationship they may not see; the chosen approver is checked again, on everything,
     * when they act. Someone without a role that approves hours is skipped. When nobody is left, the
     * hours go to the first, who hands them on.
     */
    @Transactional(readOnly = true)
    public ApproverRoute routeOf(SignedInUser worker) {
        List<Relationship> current = relationships.currentOf(worker.agencyId(), worker.personId());
        List<PersonId> candidates = java.util.stream.Stream.concat(
                        holders(current, worker.personId(), RelationshipKind.APPROVES_TIME),
                        holders(current, worker.personId(), RelationshipKind.SUPERVISES))
                .distinct()
                .toList();
        PersonId passedOver = null;
        List<String> reasons = List.of();
        Set<Role> eligible = conflicts.eligibleRoles(worker.agencyId(), Action.APPROVE_TIMESHEET);
        LocalDate today = LocalDate.now(clock);
        for (PersonId candidate : candidates) {
            ConflictDecision check =
                    conflicts.checkHandOver(worker, Action.APPROVE_TIMESHEET, candidate, worker.personId());
            if (check.decision() == Decision.ALLOW || check.decision() == Decision.WARN) {
                Person approver = directory.requirePerson(worker.agencyId(), candidate);
                if (approver.active() && !Collections.disjoint(approver.activeRoles(today), eligible)) {
                    return new ApproverRoute(candidate, passedOver, reasons);
                }
                continue;
            }
            if (passedOver == null) {
                passedOver = candidate;
                reasons = check.reasons().stream()
                        .map(ConflictDecision.Reason::explanation)
                        .toList();
            }
        }
        return new ApproverRoute(candidates.isEmpty() ? null : candidates.get(0), null, List.of());
    }

    private static java.util.stream.Stream<PersonId> holders(
            List<Relationship> current, PersonId worker, RelationshipKind kind) {
        return current.stream()
                .filter(r -> r.kind() == kind && r.personB().equals(worker))
                .map(Relationship::personA);
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

    /**
     * A page of the caller's own hours, newest first by the day worked (30 unless {@code limit} says
     * otherwise). No one else's hours are ever on it.
     */
    @Transactional(readOnly = true)
    public Page<TimesheetEntry> mine(SignedInUser user, @Nullable TimesheetCursor after, int limit) {
        return entries.page(user.agencyId(), user.personId(), after, limit);
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
     * @throws ForbiddenException when the person is not this entry's approver, or the hours are theirs
     * @throws ConflictException when the entry is not waiting for approval (questioned, returned,
     *     approved)
     */
    @Transactional
    public ApprovalOutcome approve(
            SignedInUser approver, TimesheetEntryId id, boolean consulted, @Nullable String note) {
        return review(
                approver,
                id,
                Outcome.APPROVED,
                (entry, check) -> entry.approve(
                        approver.personId(), check, consulted, note, LocaleContextHolder.getLocale(), clock.instant()));
    }

    /**
     * Asks the worker a question about an entry instead of approving it ({@link
     * TimesheetEntry#question}), on the same conflict check as approving: an approver the policy
     * blocks cannot question either (the refusal is kept and audited, and names who to hand the hours
     * to). When asked, the worker is told.
     *
     * @throws ForbiddenException when the person is not this entry's approver, or the hours are theirs
     * @throws ConflictException when the entry is not waiting for approval
     * @throws BadInputException when the question is empty or over 1,000 characters
     */
    @Transactional
    public ApprovalOutcome question(SignedInUser approver, TimesheetEntryId id, boolean consulted, String question) {
        return review(
                approver,
                id,
                Outcome.QUESTIONED,
                (entry, check) -> entry.question(
                        approver.personId(),
                        check,
                        consulted,
                        question,
                        LocaleContextHolder.getLocale(),
                        clock.instant()));
    }

    /**
     * Returns an entry to the worker with a reason instead of approving it ({@link
     * TimesheetEntry#sendBack}), on the same conflict check as approving. When returned, the worker
     * is told.
     *
     * @throws ForbiddenException when the person is not this entry's approver, or the hours are theirs
     * @throws ConflictException when the entry is not waiting for approval
     * @throws BadInputException when the reason is empty or over 1,000 characters
     */
    @Transactional
    public ApprovalOutcome sendBack(SignedInUser approver, TimesheetEntryId id, boolean consulted, String reason) {
        return review(
                approver,
                id,
                Outcome.RETURNED,
                (entry, check) -> entry.sendBack(
                        approver.personId(),
                        check,
                        consulted,
                        reason,
                        LocaleContextHolder.getLocale(),
                        clock.instant()));
    }

    /**
     * The worker answers the question asked about their hours ({@link TimesheetEntry#answer}); the
     * hours wait for approval again and the approver who asked is told.
     *
     * @throws NotFoundException when the caller may not see the entry
     * @throws ForbiddenException unless the caller is the worker
     * @throws ConflictException unless a question waits for an answer
     * @throws BadInputException when the answer is empty or over 1,000 characters
     */
    @Transactional
    public TimesheetEntry answer(SignedInUser worker, TimesheetEntryId id, String answer) {
        TimesheetEntry entry = entry(worker, id);
        TimesheetEntry.Moved moved = entry.answer(worker.personId(), answer, clock.instant());
        return keepWorkersStep(worker, moved, NoticeKind.TIMESHEET_ANSWERED);
    }

    /**
     * The worker corrects hours that were questioned or returned ({@link TimesheetEntry#correct}): a
     * new version that waits for approval again, the version it replaces kept in the entry's
     * history ({@link #versions}). The approver is told.
     *
     * @param note what the worker wants the approver to know (optional)
     * @throws NotFoundException when the caller may not see the entry
     * @throws ForbiddenException unless the caller is the worker
     * @throws ConflictException unless the hours were questioned or returned
     * @throws BadInputException when the day is in the future or more than a year ago
     */
    @Transactional
    public TimesheetEntry correct(
            SignedInUser worker, TimesheetEntryId id, RecordHours corrected, @Nullable String note) {
        TimesheetEntry entry = entry(worker, id);
        TimesheetEntry.Moved moved =
                entry.correct(worker.personId(), corrected, note, LocalDate.now(clock), clock.instant());
        return keepWorkersStep(worker, moved, NoticeKind.TIMESHEET_CORRECTED);
    }

    /** The versions of an entry the person may see ({@link #entry}) that corrections replaced, oldest first. */
    @Transactional(readOnly = true)
    public List<TimesheetVersion> versions(SignedInUser user, TimesheetEntryId id) {
        entry(user, id);
        return entries.versions(user.agencyId(), id);
    }

    /** Hours this person questioned or returned that wait for their worker's answer or correction. */
    @Transactional(readOnly = true)
    public List<TimesheetEntry> withTheirWorker(SignedInUser approver) {
        return entries.withWorker(approver.agencyId(), approver.personId());
    }

    private TimesheetEntry keepWorkersStep(SignedInUser worker, TimesheetEntry.Moved moved, NoticeKind tell) {
        TimesheetEntry entry = moved.entry();
        entries.save(worker.agencyId(), moved);
        audit.record(AuditEvent.by(worker, AuditAction.WRITE, AuditOutcome.DONE)
                .about(entry.person().value(), "TIMESHEET", entry.id().toString())
                .because("WORKFORCE", "SELF")
                .noting(moved.decision().outcome().name()));
        if (entry.approver() != null) {
            notices.send(worker.agencyId(), entry.approver(), tell, link(entry));
        }
        return entry;
    }

    /**
     * An approver's step (approve, question, return): load, check the policy, let the entry decide,
     * save, audit, tell the worker. Every one of them asks the same conflict check, so a policy that
     * blocks an approver from approving blocks them from questioning and returning too.
     */
    private ApprovalOutcome review(
            SignedInUser approver,
            TimesheetEntryId id,
            Outcome intended,
            BiFunction<TimesheetEntry, ConflictDecision, TimesheetEntry.Moved> step) {
        // Approving keeps its own word in the log; asking and returning are writes on the entry.
        AuditAction action = intended == Outcome.APPROVED ? AuditAction.APPROVE : AuditAction.WRITE;
        TimesheetEntry entry = entry(approver, id);
        if (entry.approver() == null
                && entry.status() == TimesheetEntry.Status.SUBMITTED
                && !approver.isSelf(entry.person())) {
            requireApproverRole(approver);
        }
        ConflictDecision check = preview(approver, entry);
        TimesheetEntry.Moved moved = step.apply(entry, check);
        entries.save(approver.agencyId(), moved);
        Outcome outcome = moved.decision().outcome();
        if (outcome == Outcome.NEEDS_CONSULTATION) {
            return new ApprovalOutcome.Refused(entry, check, true);
        }
        if (outcome == Outcome.REFUSED_BY_POLICY) {
            audit.record(AuditEvent.by(approver, action, AuditOutcome.DENIED)
                    .about(entry.person().value(), "TIMESHEET", id.toString())
                    .because("WORKFORCE", "CONFLICT_POLICY_BLOCK")
                    .noting(intended == Outcome.APPROVED ? null : intended.name()));
            return new ApprovalOutcome.Refused(entry, check, false);
        }
        audit.record(AuditEvent.by(approver, action, AuditOutcome.DONE)
                .about(entry.person().value(), "TIMESHEET", id.toString())
                .because("WORKFORCE", "APPROVER_" + check.decision().name())
                .noting(intended == Outcome.APPROVED ? null : intended.name()));
        if (outcome == Outcome.QUESTIONED) {
            notices.send(approver.agencyId(), entry.person(), NoticeKind.TIMESHEET_QUESTIONED, link(entry));
            return new ApprovalOutcome.Questioned(moved.entry(), check);
        }
        if (outcome == Outcome.RETURNED) {
            notices.send(approver.agencyId(), entry.person(), NoticeKind.TIMESHEET_RETURNED, link(entry));
            return new ApprovalOutcome.Returned(moved.entry(), check);
        }
        notices.send(approver.agencyId(), entry.person(), NoticeKind.TIMESHEET_APPROVED, link(entry));
        return new ApprovalOutcome.Approved(moved.entry(), check);
    }

    private static String link(TimesheetEntry entry) {
        return "/timesheets/" + entry.id();
    }

    /**
     * A person's weeks, most recent first: the hours they recorded and the direct-support time their
     * support record holds ({@link DirectSupportMinutes}), side by side, as plain figures. Who may see
     * them, in order:
     *
     * <ol>
     *   <li>the person themself;
     *   <li>whoever supervises them today ({@code SUPERVISES} in the register);
     *   <li>whoever approves their hours: named to approve their time today ({@code APPROVES_TIME}), or
     *       the approver some of their hours not yet approved wait for.
     * </ol>
     *
     * No one else: administrators, managers and the privacy lead included, the person reads as
     * missing. A read by someone other than the person is audited.
     *
     * @param weeks how many weeks, the current one included (1 to {@value #MAX_WEEKS})
     * @throws NotFoundException when the person is not of the agency or the caller may not see them
     */
    @Transactional
    public List<WeekOfHours> weeks(SignedInUser reader, PersonId person, int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalStateException("weeks must be between 1 and " + MAX_WEEKS + ", was " + weeks);
        }
        String basis = weeksBasis(reader, person);
        if (basis == null) {
            directory.requirePerson(reader.agencyId(), person);
            throw NotFoundException.hiding("notFound.person", person, person.value());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate first =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        Map<LocalDate, BigDecimal> hours = entries.hoursByDay(reader.agencyId(), person, first, today);
        Map<LocalDate, Integer> support = directSupport.minutesByDay(reader.agencyId(), person, first, today);
        List<WeekOfHours> result = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(today); monday = monday.plusWeeks(1)) {
            LocalDate from = monday;
            LocalDate to = monday.plusDays(6);
            BigDecimal recorded = hours.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            int minutes = support.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            result.add(new WeekOfHours(monday, recorded, minutes));
        }
        Collections.reverse(result);
        if (!reader.isSelf(person)) {
            audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.ALLOWED)
                    .about(person.value(), "HOURS_AND_SUPPORT_TIME", null)
                    .because("WORKFORCE", basis));
        }
        return result;
    }

    /** The people whose weeks this person may see besides their own ({@link #weeks}), by the register. */
    @Transactional(readOnly = true)
    public List<PersonId> weeksOfOthers(SignedInUser reader) {
        return relationships.currentOf(reader.agencyId(), reader.personId()).stream()
                .filter(r -> (r.kind() == RelationshipKind.SUPERVISES || r.kind() == RelationshipKind.APPROVES_TIME)
                        && r.personA().equals(reader.personId()))
                .map(Relationship::personB)
                .filter(p -> !p.equals(reader.personId()))
                .distinct()
                .toList();
    }

    /** Why the reader may see the person's weeks ({@link #weeks}), or null when they may not. */
    private @Nullable String weeksBasis(SignedInUser reader, PersonId person) {
        if (reader.isSelf(person)) {
            return "SELF";
        }
        for (Relationship r : relationships.currentOf(reader.agencyId(), person)) {
            if (r.personA().equals(reader.personId()) && r.personB().equals(person)) {
                if (r.kind() == RelationshipKind.SUPERVISES) {
                    return "SUPERVISOR";
                }
                if (r.kind() == RelationshipKind.APPROVES_TIME) {
                    return "APPROVER";
                }
            }
        }
        return entries.waitsFor(reader.agencyId(), person, reader.personId()) ? "APPROVER" : null;
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
        notices.send(by.agencyId(), to, NoticeKind.TIMESHEET_HANDED_TO_YOU, link(entry));
        notices.send(by.agencyId(), entry.person(), NoticeKind.TIMESHEET_HANDED_OVER, link(entry));
        return moved.entry();
    }

    /**
     * Hands an entry and every other entry of the same worker that waits for the same approver to
     * another approver, in one step (all or none), as {@link #handOver} does each one.
     *
     * @return the entries handed over, the one named first
     */
    @Transactional
    public List<TimesheetEntry> handOverAllOf(SignedInUser by, TimesheetEntryId id, PersonId to) {
        // The entries that wait for the same approver (an administrator or manager hands over for them).
        PersonId approver = entry(by, id).approver();
        List<TimesheetEntry> handed = new ArrayList<>();
        handed.add(handOver(by, id, to));
        List<TimesheetEntry> waiting = approver == null ? List.of() : entries.waitingFor(by.agencyId(), approver);
        for (TimesheetEntry other : waiting) {
            if (other.person().equals(handed.get(0).person())) {
                handed.add(handOver(by, other.id(), to));
            }
        }
        return handed;
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
