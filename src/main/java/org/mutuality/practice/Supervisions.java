package org.mutuality.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.practice.store.SupervisionStore;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision sessions between the pairs the register names today ({@code SUPERVISES}; peer
 * supervision is one like any other). Who may do what:
 *
 * <ol>
 *   <li>only a supervisor of the supervisee, per the register today, plans a session with them; the
 *       agenda is filled by every {@link AgendaSource} and kept by reference;
 *   <li>only the two people read a session's content and write to it, until both have signed and
 *       while the register says the supervisor supervises the supervisee today (once that has ended,
 *       both still read the pair's past sessions, and neither writes to or signs them); the
 *       supervisee's private notes are read by the supervisee alone;
 *   <li>the privacy lead sees that a session happened (its day, the pair, signed or not), never its
 *       content; nobody else sees even that;
 *   <li>when supervision is due comes from the agency's {@link SupervisionSchedule}, which a manager
 *       or the privacy lead sets; any staff member sees the list of supervisors and the ratio.
 * </ol>
 *
 * Every read of a session asks the guard about the supervisee ({@code PRACTICE_RECORDS}, vouching
 * for the reader's part) through {@link RecordTrail} and is audited, allowed or refused; every write
 * is audited about the supervisee, noting the step, never the text. The supervisee is told when a
 * session is planned with them, and either of the two when a change by the other took back their
 * signature; a notice says what happened and links to the session, never what was written.
 */
@Service
public class Supervisions {

    private static final RecordKind KIND = RecordKind.PRACTICE_RECORDS;

    private static final String NOT_FOUND = "notFound.supervisionSession";

    /** Up to this many pairs, their people are looked up one by one rather than the whole directory read. */
    private static final int FEW_PAIRS = 20;

    private final SupervisionStore store;
    private final RecordTrail trail;
    private final RelationshipRegister relationships;
    private final Directory directory;
    private final List<AgendaSource> sources;
    private final AuditLog audit;
    private final Notices notices;
    private final Clock clock;

    Supervisions(
            SupervisionStore store,
            RecordTrail trail,
            RelationshipRegister relationships,
            Directory directory,
            List<AgendaSource> sources,
            AuditLog audit,
            Notices notices,
            Clock clock) {
        this.store = store;
        this.trail = trail;
        this.relationships = relationships;
        this.directory = directory;
        this.sources = List.copyOf(sources);
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Plans a session with someone the planner supervises today, its agenda prefilled from every
     * source (rule 1).
     *
     * @throws ForbiddenException unless the planner supervises the supervisee per the register today
     *     (the same answer whether or not the person exists)
     * @throws BadInputException when the length or the day is out of range
     */
    @Transactional
    public SupervisionView plan(
            SignedInUser by, PersonId supervisee, LocalDate heldOn, int minutes, SupervisionForm form) {
        LocalDate today = today();
        if (!supervises(by.agencyId(), by.personId(), supervisee, today)) {
            throw new ForbiddenException("supervision.notYourSupervisee").about(supervisee.value());
        }
        List<AgendaItem> agenda = new ArrayList<>();
        for (AgendaSource source : sources) {
            agenda.addAll(source.waitingFor(by.agencyId(), by.personId(), supervisee, today));
        }
        agenda.sort(Comparator.comparing(AgendaItem::source));
        SupervisionSession session = SupervisionSession.plan(
                by.personId(), supervisee, heldOn, minutes, form, agenda, today, clock.instant());
        store.insert(by.agencyId(), session);
        trail.written(by, supervisee, KIND, session.id(), "supervision session planned");
        notices.send(by.agencyId(), supervisee, NoticeKind.SUPERVISION_PLANNED_WITH_YOU, link(session.id()));
        return view(by, session.id());
    }

    /**
     * A session's content, for one of its two people (rule 2), each read audited, with why it is
     * read-only now, if it is.
     *
     * @throws NotFoundException when there is no such session in the reader's agency, and for anyone
     *     else, the privacy lead included, exactly as for a missing one (the refusal audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public SupervisionView view(SignedInUser reader, SupervisionSessionId id) {
        SupervisionSession s = find(reader, id);
        requireReadable(reader, s, contentParty(reader, s));
        List<UUID> carried = s.agenda().stream()
                .filter(i -> i.source() == AgendaItem.Source.CARRIED_ACTION)
                .map(i -> UUID.fromString(i.reference()))
                .toList();
        return new SupervisionView(
                s.forReader(reader.personId()),
                store.actionsOfPair(
                        reader.agencyId(), new SupervisionStore.Pair(s.supervisor(), s.supervisee()), carried),
                s.readOnly(supervises(reader.agencyId(), s.supervisor(), s.supervisee(), today())));
    }

    /**
     * That a session happened (rule 3): for its two people and the privacy lead, audited.
     *
     * @throws NotFoundException when there is no such session in the reader's agency, and for anyone
     *     else, exactly as for a missing one (the refusal audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public SupervisionSummary summary(SignedInUser reader, SupervisionSessionId id) {
        SupervisionSession s = find(reader, id);
        requireReadable(reader, s, summaryParty(reader, s));
        return summarise(s, directory.displayNames(reader.agencyId()));
    }

    /**
     * The sessions the reader may know of, newest first (at most {@value SupervisionStore#LIST_LIMIT}):
     * their own as either of the two, or, for the privacy lead, every session of the agency, as
     * summaries only. Each is audited.
     */
    @Transactional
    public List<SupervisionSummary> list(SignedInUser reader) {
        boolean all = reader.isPrivacyLead();
        Map<PersonId, String> names = directory.displayNames(reader.agencyId());
        List<SupervisionSummary> shown = new ArrayList<>();
        for (SupervisionSession s : store.list(reader.agencyId(), all ? null : reader.personId())) {
            Basis party = summaryParty(reader, s);
            if (party != null && trail.read(reader, s.supervisee(), KIND, party, s.id()) != null) {
                shown.add(summarise(s, names));
            }
        }
        return shown;
    }

    /**
     * Adds a note by one of the two; a private note only by the supervisee, read by them alone.
     *
     * @throws NotFoundException unless the writer is one of the two, as for a missing session
     * @throws ForbiddenException when the supervisor no longer supervises the supervisee
     * @throws ConflictException when both have signed
     * @throws BadInputException when the text is empty or too long
     */
    @Transactional
    public SupervisionView note(SignedInUser by, SupervisionSessionId id, String text, boolean privateNote) {
        SupervisionSession s = writable(by, id);
        return save(by, s, s.note(by.personId(), text, privateNote, clock.instant()));
    }

    /**
     * Marks the checklist topics the session discussed (replacing the marks before).
     *
     * @throws NotFoundException unless the writer is one of the two, as for a missing session
     * @throws ForbiddenException when the supervisor no longer supervises the supervisee
     * @throws ConflictException when both have signed
     */
    @Transactional
    public SupervisionView discuss(SignedInUser by, SupervisionSessionId id, Set<ChecklistTopic> topics) {
        SupervisionSession s = writable(by, id);
        return save(by, s, s.discuss(by.personId(), topics));
    }

    /**
     * Adds an action the two agreed, due on a day.
     *
     * @throws NotFoundException unless the writer is one of the two, as for a missing session
     * @throws ForbiddenException when the supervisor no longer supervises the supervisee
     * @throws ConflictException when both have signed
     * @throws BadInputException when the text is empty or too long, or due before the session
     */
    @Transactional
    public SupervisionView agree(SignedInUser by, SupervisionSessionId id, String text, LocalDate dueOn) {
        SupervisionSession s = writable(by, id);
        return save(by, s, s.agree(by.personId(), text, dueOn));
    }

    /**
     * Marks done an action of this session or one its agenda carries.
     *
     * @throws NotFoundException unless the writer is one of the two, as for a missing session
     * @throws ForbiddenException when the supervisor no longer supervises the supervisee
     * @throws ConflictException when both have signed, or the action is already done
     * @throws BadInputException when the action is neither this session's nor carried to it
     */
    @Transactional
    public SupervisionView complete(SignedInUser by, SupervisionSessionId id, UUID action) {
        SupervisionSession s = writable(by, id);
        return save(by, s, s.complete(by.personId(), action, today()));
    }

    /**
     * Signs the caller's own part ({@code part} null for their own); once both have signed, the
     * session is closed.
     *
     * @throws NotFoundException unless the signer is one of the two, as for a missing session
     * @throws ForbiddenException unless the signer signs their own part, or when the supervisor no
     *     longer supervises the supervisee
     * @throws ConflictException when that part is already signed, or the session is still to come
     */
    @Transactional
    public SupervisionView signOff(SignedInUser by, SupervisionSessionId id, SupervisionSession.@Nullable Part part) {
        SupervisionSession s = writable(by, id);
        SupervisionSession.Part mine = s.partOf(by.personId());
        return save(by, s, s.sign(by.personId(), part == null ? mine : part, today(), clock.instant()));
    }

    /** The people the caller supervises today, by name, for planning a session. */
    @Transactional(readOnly = true)
    public List<Person> superviseesOf(SignedInUser user) {
        LocalDate today = today();
        Set<PersonId> ids = new HashSet<>();
        for (Relationship r : pairs(user.agencyId(), today)) {
            if (r.personA().equals(user.personId())) {
                ids.add(r.personB());
            }
        }
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> ids.contains(p.id()))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    /**
     * When supervision is next due for the pairs the caller is one of, or, for a manager or the
     * privacy lead, for every pair of the agency; the most overdue first.
     */
    @Transactional(readOnly = true)
    public List<SupervisionDue> due(SignedInUser user) {
        boolean all = user.has(Role.MANAGER) || user.isPrivacyLead();
        return dueIn(user.agencyId(), r -> all || r.involves(user.personId()));
    }

    /** The overdue supervision the person is one of the two of, for their home screen. */
    @Transactional(readOnly = true)
    public List<SupervisionDue> overdueFor(SignedInUser user) {
        LocalDate today = today();
        List<Relationship> mine = relationships.currentOf(user.agencyId(), user.personId()).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES && r.activeOn(today))
                .toList();
        return dueOf(user.agencyId(), mine).stream()
                .filter(SupervisionDue::overdue)
                .toList();
    }

    /**
     * Which of these people's supervision is overdue with at least one of their supervisors, for a
     * coordinator's caseload page: who, never what a session said.
     */
    @Transactional(readOnly = true)
    public Set<PersonId> overdueAmong(AgencyId agency, Collection<PersonId> people) {
        Set<PersonId> overdue = new HashSet<>();
        for (SupervisionDue d : dueIn(agency, r -> people.contains(r.personB()))) {
            if (d.overdue() && people.contains(d.supervisee())) {
                overdue.add(d.supervisee());
            }
        }
        return overdue;
    }

    /**
     * Every supervisor of the agency today, with how many people they supervise and how many of those
     * are overdue, flagged over the ratio; the most supervisees first. For staff.
     *
     * @throws ForbiddenException for anyone who is not staff
     */
    @Transactional(readOnly = true)
    public List<SupervisorLoad> supervisors(SignedInUser user) {
        requireStaff(user);
        SupervisionSchedule schedule = store.schedule(user.agencyId());
        Map<PersonId, String> names = directory.displayNames(user.agencyId());
        Map<PersonId, int[]> counts = new HashMap<>();
        for (SupervisionDue d : dueIn(user.agencyId(), r -> true)) {
            int[] c = counts.computeIfAbsent(d.supervisor(), k -> new int[2]);
            c[0]++;
            c[1] += d.overdue() ? 1 : 0;
        }
        return counts.entrySet().stream()
                .map(e -> new SupervisorLoad(
                        e.getKey(),
                        names.getOrDefault(e.getKey(), ""),
                        e.getValue()[0],
                        e.getValue()[1],
                        schedule.overRatio(e.getValue()[0])))
                .sorted(Comparator.comparing(SupervisorLoad::supervisees)
                        .reversed()
                        .thenComparing(SupervisorLoad::name))
                .toList();
    }

    /**
     * The agency's schedule, for staff.
     *
     * @throws ForbiddenException for anyone who is not staff
     */
    @Transactional(readOnly = true)
    public SupervisionSchedule schedule(SignedInUser user) {
        requireStaff(user);
        return store.schedule(user.agencyId());
    }

    /** Whether the person may change the schedule: a manager or the privacy lead. */
    public boolean setsSchedule(SignedInUser user) {
        return user.has(Role.MANAGER) || user.isPrivacyLead();
    }

    /**
     * Replaces the agency's schedule (rule 4), audited as a change of policy.
     *
     * @throws ForbiddenException unless the person is a manager or the privacy lead
     */
    @Transactional
    public SupervisionSchedule saveSchedule(SignedInUser by, SupervisionSchedule schedule) {
        if (!setsSchedule(by)) {
            throw new ForbiddenException("supervision.whoSetsSchedule");
        }
        store.saveSchedule(by.agencyId(), schedule, by.personId(), clock.instant());
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "SUPERVISION_SCHEDULE", by.agencyId().toString()));
        return store.schedule(by.agencyId());
    }

    /**
     * Due dates for the agency's current pairs that pass the filter, the most overdue first. The
     * home screen asks this on every visit: a person in no pair costs one look at the register.
     */
    private List<SupervisionDue> dueIn(AgencyId agency, Predicate<Relationship> which) {
        return dueOf(agency, pairs(agency, today()).stream().filter(which).toList());
    }

    /** Due dates for these current {@code SUPERVISES} relationships, the most overdue first. */
    private List<SupervisionDue> dueOf(AgencyId agency, List<Relationship> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        SupervisionSchedule schedule = store.schedule(agency);
        Map<SupervisionStore.Pair, LocalDate> last = store.lastHeld(agency, today);
        Map<PersonId, Person> people = new HashMap<>();
        if (wanted.size() > FEW_PAIRS) {
            directory.everyone(agency).forEach(p -> people.put(p.id(), p));
        } else {
            for (Relationship r : wanted) {
                directory.person(agency, r.personA()).ifPresent(p -> people.put(p.id(), p));
                directory.person(agency, r.personB()).ifPresent(p -> people.put(p.id(), p));
            }
        }
        List<SupervisionDue> due = new ArrayList<>();
        Set<SupervisionStore.Pair> seen = new HashSet<>();
        for (Relationship r : wanted) {
            SupervisionStore.Pair pair = new SupervisionStore.Pair(r.personA(), r.personB());
            Person supervisor = people.get(r.personA());
            Person supervisee = people.get(r.personB());
            if (!seen.add(pair) || supervisor == null || supervisee == null || !supervisee.active()) {
                continue;
            }
            LocalDate lastHeld = last.get(pair);
            LocalDate dueOn = schedule.dueOn(lastHeld, r.startDate(), supervisee.activeRoles(today), today);
            due.add(new SupervisionDue(
                    supervisor.id(),
                    supervisor.displayName(),
                    supervisee.id(),
                    supervisee.displayName(),
                    lastHeld,
                    dueOn,
                    SupervisionSchedule.overdue(dueOn, today)));
        }
        due.sort(Comparator.comparing(SupervisionDue::dueOn).thenComparing(SupervisionDue::superviseeName));
        return due;
    }

    private List<Relationship> pairs(AgencyId agency, LocalDate today) {
        return relationships.currentIn(agency).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES && r.activeOn(today))
                .toList();
    }

    /** Asked on every read and write of a session: one person's relationships, not the agency's. */
    private boolean supervises(AgencyId agency, PersonId supervisor, PersonId supervisee, LocalDate today) {
        return relationships.currentOf(agency, supervisor).stream()
                .anyMatch(r -> r.kind() == RelationshipKind.SUPERVISES
                        && r.activeOn(today)
                        && r.personA().equals(supervisor)
                        && r.personB().equals(supervisee));
    }

    /**
     * Saves a step and audits it; tells the other of the two when the step took back their signature,
     * so that they can read what changed and sign again.
     */
    private SupervisionView save(SignedInUser by, SupervisionSession before, SupervisionSession.Moved moved) {
        SupervisionSession s = moved.session();
        store.save(by.agencyId(), moved, today(), clock.instant());
        trail.written(by, s.supervisee(), KIND, s.id(), moved.step().noted());
        for (SupervisionSession.Part part : moved.signaturesWithdrawnFrom(before)) {
            PersonId signer = part == SupervisionSession.Part.SUPERVISOR ? s.supervisor() : s.supervisee();
            if (!signer.equals(by.personId())) {
                notices.send(by.agencyId(), signer, NoticeKind.SUPERVISION_SIGNATURE_WITHDRAWN, link(s.id()));
            }
        }
        return view(by, s.id());
    }

    /**
     * The session, if the writer is one of its two people; anyone else is answered as for a missing
     * session (the refusal recorded by the web layer), so that a write does not tell them it exists.
     * The two write to and sign the pair's sessions only while the register says the supervisor
     * supervises the supervisee today ({@link SupervisionSession#requireOngoing}); once that has
     * ended they both still read their past sessions.
     */
    private SupervisionSession writable(SignedInUser by, SupervisionSessionId id) {
        SupervisionSession s = find(by, id);
        if (s.partOf(by.personId()) == null) {
            throw hidden(s);
        }
        return s.requireOngoing(by.personId(), supervises(by.agencyId(), s.supervisor(), s.supervisee(), today()));
    }

    static String link(SupervisionSessionId id) {
        return "/supervision/sessions/" + id;
    }

    /**
     * Asks the guard for a party and audits its answer; refuses anyone who is no party without asking,
     * and audits that refusal, so that no other basis (a break-the-glass grant) opens a session. A
     * refusal reads exactly like a missing session.
     */
    private void requireReadable(SignedInUser reader, SupervisionSession s, @Nullable Basis party) {
        if (party == null) {
            trail.refused(reader, s.supervisee(), KIND, s.id());
            throw hidden(s);
        }
        if (trail.read(reader, s.supervisee(), KIND, party, s.id()) == null) {
            throw hidden(s);
        }
    }

    /** The 404 of a missing session, for one that exists but is not the caller's (ADR 0016). */
    private static NotFoundException hidden(SupervisionSession s) {
        return NotFoundException.hiding(NOT_FOUND, s.id(), s.supervisee().value());
    }

    /** The part the reader has in the session's content: the two people, nobody else. */
    private static @Nullable Basis contentParty(SignedInUser reader, SupervisionSession s) {
        SupervisionSession.Part part = s.partOf(reader.personId());
        if (part == null) {
            return null;
        }
        return part == SupervisionSession.Part.SUPERVISOR ? Basis.SUPERVISOR : Basis.SUPERVISEE;
    }

    /** The part the reader has in knowing that the session happened: the two, and the privacy lead. */
    private static @Nullable Basis summaryParty(SignedInUser reader, SupervisionSession s) {
        Basis party = contentParty(reader, s);
        return party == null && reader.isPrivacyLead() ? Basis.PRIVACY_LEAD : party;
    }

    private static SupervisionSummary summarise(SupervisionSession s, Map<PersonId, String> names) {
        return new SupervisionSummary(
                s.id(),
                s.heldOn(),
                s.supervisor(),
                names.getOrDefault(s.supervisor(), ""),
                s.supervisee(),
                names.getOrDefault(s.supervisee(), ""),
                s.form(),
                s.status());
    }

    private void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("supervision.staffOnly");
        }
    }

    private SupervisionSession find(SignedInUser user, SupervisionSessionId id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException(NOT_FOUND, id));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
