package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Clearances;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Pauses;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.support.store.GroupStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups a program runs, led by a peer worker or volunteer peer. Adding a member, or changing the
 * leader, asks the conflict check ({@code LEAD_GROUP_WITH}): a block refuses, a warning needs the
 * person adding to confirm they read it. Who belongs to a group is part of each member's support
 * record: the leader and the program's coordinators see the members, each read asked of the guard
 * and audited; members see the groups they belong to.
 */
@Service
public class Groups {

    /** How many groups a page of the list shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    private final GroupStore store;
    private final SupportAccess access;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Clearances clearances;
    private final org.springframework.beans.factory.ObjectProvider<Pauses> pauses;
    private final Clock clock;

    Groups(
            GroupStore store,
            SupportAccess access,
            Directory directory,
            ConflictCheck conflicts,
            Clearances clearances,
            org.springframework.beans.factory.ObjectProvider<Pauses> pauses,
            Clock clock) {
        this.clearances = clearances;
        this.pauses = pauses;
        this.store = store;
        this.access = access;
        this.directory = directory;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /**
     * Starts a group.
     *
     * @throws ForbiddenException unless the caller coordinates the program
     * @throws BadInputException when the name is empty or the leader holds no peer role
     */
    @Transactional
    public SupportGroup create(
            SignedInUser by,
            ProgramId program,
            String name,
            @Nullable String description,
            SupportGroup.Schedule schedule,
            PersonId leader) {
        if (directory.programs(by.agencyId()).stream().noneMatch(p -> p.id().equals(program))) {
            throw new NotFoundException("notFound.program", program);
        }
        if (!access.coordinates(by, program)) {
            throw new ForbiddenException("group.coordinatorStarts");
        }
        SupportGroup group = SupportGroup.start(program, name, description, schedule, leader);
        requirePeer(by, leader);
        store.insert(by.agencyId(), group, clock.instant());
        access.written(by, leader, RecordKind.SUPPORT_NOTES, group.id().toString(), "group started");
        return group;
    }

    /**
     * A page of the groups the user leads, coordinates or belongs to, newest first (30 unless {@code
     * limit} says otherwise). Group names are not personal records.
     */
    @Transactional(readOnly = true)
    public Page<SupportGroup> visibleTo(SignedInUser user, @Nullable GroupCursor after, int limit) {
        return store.visiblePage(
                user.agencyId(),
                user.personId(),
                access.programsCoordinatedBy(user),
                LocalDate.now(clock),
                after,
                limit);
    }

    /**
     * The group with its members and sessions, for its leader or a coordinator. Each member shown is
     * an audited read; a member whose consent directive withholds their support record from the
     * reader is counted, not named.
     *
     * @throws ForbiddenException for anyone else; members see only the group itself ({@link #visibleTo})
     */
    @Transactional
    public SupportGroup.Roster roster(SignedInUser reader, GroupId id) {
        SupportGroup group = find(reader, id);
        Basis party = party(reader, group);
        if (party == null) {
            throw new ForbiddenException("group.rosterRefused");
        }
        List<SupportGroup.Member> shown = new ArrayList<>();
        int withheld = 0;
        Set<PersonId> hidden = new HashSet<>();
        for (SupportGroup.Member m : store.members(reader.agencyId(), id)) {
            if (access.basis(reader, m.person(), RecordKind.SUPPORT_NOTES, Purpose.SUPPORT, party, id.toString())
                    != null) {
                shown.add(m);
            } else {
                withheld++;
                hidden.add(m.person());
            }
        }
        List<SupportGroup.Session> sessions = new ArrayList<>();
        for (SupportGroup.Session s : store.sessions(reader.agencyId(), id)) {
            Map<PersonId, Boolean> visible = new HashMap<>(s.attendance());
            visible.keySet().removeAll(hidden);
            sessions.add(new SupportGroup.Session(
                    s.id(), s.heldOn(), s.startsAt(), s.durationMinutes(), s.leader(), visible));
        }
        return new SupportGroup.Roster(group, shown, withheld, sessions);
    }

    /**
     * Adds a member after the conflict check about the leader and that person ({@code
     * LEAD_GROUP_WITH}): a block refuses; a warning needs {@code acknowledged}, or a consultation the
     * caller asked about the leader and that person, used once, with this membership, which names it.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws ConflictException when the check blocks it, the person already belongs, or the
     *     consultation does not clear exactly this
     * @throws AcknowledgementNeeded when the check warns and the caller has not confirmed
     * @throws NotFoundException when the consultation is not one the caller asked (audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public ConflictDecision addMember(
            SignedInUser by, GroupId id, PersonId person, boolean acknowledged, @Nullable UUID consultation) {
        SupportGroup group = manageable(by, id);
        if (!directory.requirePerson(by.agencyId(), person).active()) {
            throw new BadInputException("group.inactivePerson");
        }
        UUID membership = UUID.randomUUID();
        GoAhead goAhead = clearances.resolve(
                by,
                acknowledged,
                consultation,
                Action.LEAD_GROUP_WITH,
                group.leader(),
                person,
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.GROUP_MEMBERSHIP, membership));
        SupportGroup.Joined joined =
                group.join(person, store.members(by.agencyId(), id), check(by), goAhead, LocalDate.now(clock));
        store.addMember(by.agencyId(), id, membership, joined.member(), by.personId());
        access.written(
                by,
                person,
                RecordKind.SUPPORT_NOTES,
                id.toString(),
                "joined group (" + joined.member().decision() + ")"
                        + onConsultation(joined.member().consultation()));
        return joined.decision();
    }

    /** The person leaves the group today; their attendance stays. */
    @Transactional
    public void removeMember(SignedInUser by, GroupId id, PersonId person) {
        manageable(by, id);
        if (!store.endMember(by.agencyId(), id, person, LocalDate.now(clock))) {
            throw new NotFoundException("notFound.member", person);
        }
        access.written(by, person, RecordKind.SUPPORT_NOTES, id.toString(), "left group");
    }

    /**
     * Gives the group a new leader after checking the new leader against every member ({@link
     * SupportGroup#leading}): a block refuses; a warning needs {@code acknowledged}, or, when a single
     * member is concerned, a consultation the coordinator asked about the new leader and that member,
     * used once, with this change, which the group then names. When several members are concerned,
     * no one consultation clears them all: only an acknowledgement does.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws ConflictException when the check blocks the new leader with any member, or the
     *     consultation does not clear exactly this
     * @throws AcknowledgementNeeded when it warns and the coordinator has not confirmed
     * @throws NotFoundException when the consultation is not one the coordinator asked (audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public SupportGroup changeLeader(
            SignedInUser by, GroupId id, PersonId leader, boolean acknowledged, @Nullable UUID consultation) {
        SupportGroup group = find(by, id);
        if (!access.coordinates(by, group.program())) {
            throw new ForbiddenException("group.coordinatorChangesLeader");
        }
        requirePeer(by, leader);
        List<SupportGroup.Member> members = store.members(by.agencyId(), id);
        LocalDate today = LocalDate.now(clock);
        GoAhead goAhead = clearances.resolve(
                by,
                acknowledged,
                consultation,
                group.leading(leader, members, check(by), today),
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.GROUP_LEADER, id.value()));
        SupportGroup led = group.lead(leader, members, check(by), goAhead, today);
        store.setLeader(by.agencyId(), led);
        access.written(
                by,
                leader,
                RecordKind.SUPPORT_NOTES,
                id.toString(),
                "leads group" + onConsultation(led.leaderConsultation()));
        return led;
    }

    private static String onConsultation(@Nullable UUID consultation) {
        return consultation == null ? "" : " on consultation " + consultation;
    }

    /**
     * Records a session and who came. Everyone listed must be a member on that day.
     *
     * @throws BadInputException when the date is in the future or someone listed is not a member
     */
    @Transactional
    public SupportGroup.Session recordSession(
            SignedInUser by,
            GroupId id,
            LocalDate on,
            @Nullable LocalTime startsAt,
            int minutes,
            Set<PersonId> present) {
        SupportGroup group = manageable(by, id);
        if (group.leader().equals(by.personId()) && leadingPaused(by, by.personId())) {
            throw new ForbiddenException("group.leadingPaused");
        }
        SupportGroup.Session session = group.meet(
                on, startsAt, minutes, by.personId(), present, store.members(by.agencyId(), id), LocalDate.now(clock));
        store.insertSession(by.agencyId(), id, session, clock.instant());
        for (PersonId p : session.attendance().keySet()) {
            access.written(by, p, RecordKind.SUPPORT_NOTES, session.id().toString(), "group attendance");
        }
        return session;
    }

    /** Whether the user may start groups: a supervisor or a manager. */
    public boolean mayStart(SignedInUser user) {
        return user.has(Role.SUPERVISOR) || user.has(Role.MANAGER);
    }

    /**
     * Who may join the group: active participants who are neither its leader nor a current member.
     */
    @Transactional(readOnly = true)
    public List<Person> candidates(SignedInUser user, SupportGroup.Roster roster) {
        LocalDate today = LocalDate.now(clock);
        Set<PersonId> current = new HashSet<>();
        roster.members().stream().filter(m -> m.current(today)).forEach(m -> current.add(m.person()));
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> p.active()
                        && !current.contains(p.id())
                        && !p.id().equals(roster.group().leader())
                        && p.activeRoles(today).contains(Role.PARTICIPANT))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    /** Who may lead a group: the agency's active peer workers and volunteer peers, by name. */
    @Transactional(readOnly = true)
    public List<Person> leaders(SignedInUser user) {
        return directory.activePeers(user.agencyId()).stream()
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    /** Whether the user may add members and record sessions: the leader or a coordinator. */
    @Transactional(readOnly = true)
    public boolean manages(SignedInUser user, SupportGroup group) {
        return group.leader().equals(user.personId()) || access.coordinates(user, group.program());
    }

    /** Whether the user coordinates the group's program. */
    @Transactional(readOnly = true)
    public boolean coordinates(SignedInUser user, SupportGroup group) {
        return access.coordinates(user, group.program());
    }

    private SupportGroup.Check check(SignedInUser by) {
        return (leader, member) -> conflicts.check(by, Action.LEAD_GROUP_WITH, leader, member);
    }

    private SupportGroup find(SignedInUser by, GroupId id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.group", id));
    }

    private SupportGroup manageable(SignedInUser by, GroupId id) {
        SupportGroup group = find(by, id);
        if (!manages(by, group)) {
            throw new ForbiddenException("group.leaderOrCoordinator");
        }
        return group;
    }

    private @Nullable Basis party(SignedInUser reader, SupportGroup group) {
        if (group.leader().equals(reader.personId())) {
            return Basis.GROUP_LEADER;
        }
        return access.coordinates(reader, group.program()) ? Basis.COORDINATOR : null;
    }

    private void requirePeer(SignedInUser by, PersonId leader) {
        Person p = directory.requirePerson(by.agencyId(), leader);
        if (!p.isActivePeerOn(LocalDate.now(clock))) {
            throw new BadInputException("group.leaderNotAPeer");
        }
        if (leadingPaused(by, leader)) {
            throw new ConflictException("group.leaderPaused");
        }
    }

    private boolean leadingPaused(SignedInUser by, PersonId person) {
        return pauses.getIfAvailable(() -> Pauses.NONE).paused(by.agencyId(), person, Pauses.Scope.LEADING_GROUPS);
    }
}
