package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Pauses;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
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

    private final GroupStore store;
    private final SupportAccess access;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final org.springframework.beans.factory.ObjectProvider<Pauses> pauses;
    private final Clock clock;

    Groups(
            GroupStore store,
            SupportAccess access,
            Directory directory,
            ConflictCheck conflicts,
            org.springframework.beans.factory.ObjectProvider<Pauses> pauses,
            Clock clock) {
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
     * @throws IllegalArgumentException when the name is empty or the leader holds no peer role
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
            throw new NotFoundException("program", program);
        }
        if (!access.coordinates(by, program)) {
            throw new ForbiddenException("A coordinator of the program starts its groups.");
        }
        String n = Codes.text(name, "name", 120, true);
        String d = Codes.text(description, "description", 1000, false);
        requirePeer(by, leader);
        UUID id = store.insert(by.agencyId(), program, n, d.isEmpty() ? null : d, schedule, leader, clock.instant());
        access.written(by, leader, RecordKind.SUPPORT_NOTES, id.toString(), "group started");
        return store.find(by.agencyId(), id).orElseThrow();
    }

    /** The groups the user leads, coordinates or belongs to. Group names are not personal records. */
    @Transactional(readOnly = true)
    public List<SupportGroup> visibleTo(SignedInUser user) {
        List<UUID> mine = store.groupsOf(user.agencyId(), user.personId(), LocalDate.now(clock));
        return store.all(user.agencyId()).stream()
                .filter(g -> g.leader().equals(user.personId())
                        || mine.contains(g.id())
                        || access.coordinates(user, g.program()))
                .toList();
    }

    /**
     * The group with its members and sessions, for its leader or a coordinator. Each member shown is
     * an audited read; a member whose consent directive withholds their support record from the
     * reader is counted, not named.
     *
     * @throws ForbiddenException for anyone else; members see only the group itself ({@link #visibleTo})
     */
    @Transactional
    public SupportGroup.Roster roster(SignedInUser reader, UUID id) {
        SupportGroup group = find(reader, id);
        String party = party(reader, group);
        if (party == null) {
            throw new ForbiddenException("The group's leader and the program's coordinators see who belongs to it.");
        }
        List<SupportGroup.Member> shown = new ArrayList<>();
        int withheld = 0;
        Set<PersonId> hidden = new java.util.HashSet<>();
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
     * Adds a member after the conflict check about the leader and that person.
     *
     * @throws ConflictException when the check blocks it or the person already belongs
     * @throws AcknowledgementNeeded when the check warns and the caller has not confirmed
     */
    @Transactional
    public ConflictDecision addMember(SignedInUser by, UUID id, PersonId person, boolean acknowledged) {
        SupportGroup group = manageable(by, id);
        Person member = directory.requirePerson(by.agencyId(), person);
        if (!member.active()) {
            throw new IllegalArgumentException("personId must be an active person");
        }
        LocalDate today = LocalDate.now(clock);
        boolean already = store.members(by.agencyId(), id).stream()
                .anyMatch(m -> m.person().equals(person) && m.current(today));
        if (already) {
            throw new ConflictException("This person already belongs to the group.");
        }
        if (person.equals(group.leader())) {
            throw new IllegalArgumentException("the leader leads the group and is not added as a member");
        }
        ConflictDecision decision = conflicts.check(by, Action.LEAD_GROUP_WITH, group.leader(), person);
        Referrals.requireAllowed(decision, acknowledged);
        store.addMember(by.agencyId(), id, person, today, decision.decision(), by.personId());
        access.written(
                by, person, RecordKind.SUPPORT_NOTES, id.toString(), "joined group (" + decision.decision() + ")");
        return decision;
    }

    /** The person leaves the group today; their attendance stays. */
    @Transactional
    public void removeMember(SignedInUser by, UUID id, PersonId person) {
        manageable(by, id);
        if (!store.endMember(by.agencyId(), id, person, LocalDate.now(clock))) {
            throw new NotFoundException("member", person);
        }
        access.written(by, person, RecordKind.SUPPORT_NOTES, id.toString(), "left group");
    }

    /**
     * Gives the group a new leader after checking the new leader against every member.
     *
     * @throws ConflictException when the check blocks the new leader with any member
     * @throws AcknowledgementNeeded when it warns and the coordinator has not confirmed
     */
    @Transactional
    public SupportGroup changeLeader(SignedInUser by, UUID id, PersonId leader, boolean acknowledged) {
        SupportGroup group = find(by, id);
        if (!access.coordinates(by, group.program())) {
            throw new ForbiddenException("A coordinator of the program changes who leads a group.");
        }
        requirePeer(by, leader);
        LocalDate today = LocalDate.now(clock);
        List<ConflictDecision.Reason> reasons = new ArrayList<>();
        Decision strictest = Decision.ALLOW;
        for (SupportGroup.Member m : store.members(by.agencyId(), id)) {
            if (!m.current(today)) {
                continue;
            }
            if (m.person().equals(leader)) {
                throw new IllegalArgumentException("the new leader is a member of the group; they leave it first");
            }
            ConflictDecision d = conflicts.check(by, Action.LEAD_GROUP_WITH, leader, m.person());
            reasons.addAll(d.reasons());
            if (d.decision().compareTo(strictest) > 0) {
                strictest = d.decision();
            }
        }
        Referrals.requireAllowed(new ConflictDecision(strictest, reasons, List.of()), acknowledged);
        store.setLeader(by.agencyId(), id, leader);
        access.written(by, leader, RecordKind.SUPPORT_NOTES, id.toString(), "leads group");
        return store.find(by.agencyId(), id).orElseThrow();
    }

    /**
     * Records a session and who came. Everyone listed must be a member on that day.
     *
     * @throws IllegalArgumentException when the date is in the future or someone listed is not a member
     */
    @Transactional
    public SupportGroup.Session recordSession(
            SignedInUser by, UUID id, LocalDate on, @Nullable LocalTime startsAt, int minutes, Set<PersonId> present) {
        SupportGroup group = manageable(by, id);
        if (group.leader().equals(by.personId()) && leadingPaused(by, by.personId())) {
            throw new ForbiddenException(
                    "Your leading of groups is paused for now; a coordinator can record this session.");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("heldOn must not be in the future, was " + on);
        }
        if (minutes < 1 || minutes > 720) {
            throw new IllegalArgumentException("durationMinutes must be 1 to 720, was " + minutes);
        }
        Map<PersonId, Boolean> attendance = new HashMap<>();
        for (SupportGroup.Member m : store.members(by.agencyId(), id)) {
            if (m.current(on)) {
                attendance.put(m.person(), present.contains(m.person()));
            }
        }
        for (PersonId p : present) {
            if (!attendance.containsKey(p)) {
                throw new IllegalArgumentException("person " + p + " was not a member of the group on " + on);
            }
        }
        UUID session = store.insertSession(
                by.agencyId(), id, on, startsAt, minutes, by.personId(), attendance, clock.instant());
        for (PersonId p : attendance.keySet()) {
            access.written(by, p, RecordKind.SUPPORT_NOTES, session.toString(), "group attendance");
        }
        return store.sessions(by.agencyId(), id).stream()
                .filter(s -> s.id().equals(session))
                .findFirst()
                .orElseThrow();
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

    private SupportGroup find(SignedInUser by, UUID id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("group", id));
    }

    private SupportGroup manageable(SignedInUser by, UUID id) {
        SupportGroup group = find(by, id);
        if (!manages(by, group)) {
            throw new ForbiddenException("The group's leader or a coordinator of the program does this.");
        }
        return group;
    }

    private @Nullable String party(SignedInUser reader, SupportGroup group) {
        if (group.leader().equals(reader.personId())) {
            return "GROUP_LEADER";
        }
        return access.coordinates(reader, group.program()) ? "COORDINATOR" : null;
    }

    private void requirePeer(SignedInUser by, PersonId leader) {
        Person p = directory.requirePerson(by.agencyId(), leader);
        if (!p.active() || p.activeRoles(LocalDate.now(clock)).stream().noneMatch(Role::isPeer)) {
            throw new IllegalArgumentException("leaderId must be an active peer worker or volunteer peer");
        }
        if (leadingPaused(by, leader)) {
            throw new ConflictException("This person is not leading groups right now.");
        }
    }

    private boolean leadingPaused(SignedInUser by, PersonId person) {
        return pauses.getIfAvailable(() -> Pauses.NONE).paused(by.agencyId(), person, Pauses.Scope.LEADING_GROUPS);
    }
}
