package org.mutuality.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
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
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRefused;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.safety.Pauses;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.support.store.ProfileStore;
import org.mutuality.support.store.ReferralStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals to peer support (S18). Any team member refers; the program's coordinators see it, offer
 * peer support, and record which peer worker the person chose among the suggestions; that peer
 * worker accepts or declines. Accepting creates the assignment (a SUPPORTS relationship), which is
 * the circle of care the guard uses for support notes. Every read asks the guard; every pairing
 * asks the conflict check.
 */
@Service
public class Referrals {

    /** How many referrals a list shows at most. */
    public static final int LIST_LIMIT = 200;

    private final ReferralStore store;
    private final ProfileStore profiles;
    private final SupportAccess access;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final org.springframework.beans.factory.ObjectProvider<Pauses> pauses;
    private final Clock clock;

    Referrals(
            ReferralStore store,
            ProfileStore profiles,
            SupportAccess access,
            Directory directory,
            ConflictCheck conflicts,
            RelationshipRegister relationships,
            Notices notices,
            org.springframework.beans.factory.ObjectProvider<Pauses> pauses,
            Clock clock) {
        this.pauses = pauses;
        this.store = store;
        this.profiles = profiles;
        this.access = access;
        this.directory = directory;
        this.conflicts = conflicts;
        this.relationships = relationships;
        this.notices = notices;
        this.clock = clock;
    }

    /** The programs that take referrals: those where someone holds a peer role today. */
    @Transactional(readOnly = true)
    public List<Program> programs(SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        Set<ProgramId> withPeers = new HashSet<>();
        for (Person p : directory.everyone(user.agencyId())) {
            if (p.active()) {
                p.roles().stream()
                        .filter(r -> r.activeOn(today) && r.role().isPeer() && r.programId() != null)
                        .forEach(r -> withPeers.add(r.programId()));
            }
        }
        return directory.programs(user.agencyId()).stream()
                .filter(p -> withPeers.contains(p.id()))
                .toList();
    }

    /**
     * Refers a person to peer support. Staff refer anyone of the agency; anyone may refer themselves.
     *
     * @throws IllegalArgumentException when the reason is under 5 or over 2,000 characters, or the
     *     program takes no referrals
     * @throws ConflictException when the person already has an open referral to that program
     */
    @Transactional
    public Referral refer(SignedInUser by, PersonId person, ProgramId program, String reason, Preferences preferences) {
        directory.requirePerson(by.agencyId(), person);
        if (!by.isStaff() && !by.isSelf(person)) {
            throw new ForbiddenException("Team members refer people; anyone may refer themselves.");
        }
        String why = Codes.text(reason, "reason", 2000, true);
        if (why.length() < 5) {
            throw new IllegalArgumentException("reason must be at least 5 characters, in plain words");
        }
        if (programs(by).stream().noneMatch(p -> p.id().equals(program))) {
            throw new IllegalArgumentException("program " + program + " has no peer workers and takes no referrals");
        }
        boolean open = store.involving(by.agencyId(), person).stream()
                .anyMatch(r -> r.person().equals(person)
                        && r.program().equals(program)
                        && r.status().isOpen());
        if (open) {
            throw new ConflictException("This person already has an open referral to this program.");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(by.agencyId(), id, person, program, by.personId(), why, preferences, now);
        store.step(by.agencyId(), id, Referral.StepKind.RECEIVED, by.personId(), null, null, now);
        access.written(by, person, RecordKind.REFERRALS, id.toString(), "referral");
        for (PersonId coordinator : coordinatorsOf(by, program)) {
            if (!coordinator.equals(by.personId())) {
                notices.send(by.agencyId(), coordinator, NoticeKind.REFERRAL_RECEIVED, "/referrals/" + id);
            }
        }
        return store.find(by.agencyId(), id).orElseThrow();
    }

    /**
     * One referral, for a party to it: the person, the referrer, a coordinator of its program, the
     * peer worker it was offered to or assigned to. The read is audited.
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Referral view(SignedInUser reader, UUID id) {
        Referral referral = find(reader, id);
        access.read(
                reader,
                referral.person(),
                RecordKind.REFERRALS,
                Purpose.COORDINATION,
                party(reader, referral),
                id.toString());
        return referral;
    }

    /**
     * The referrals the reader handles or is a party to: a coordinator sees those of their programs
     * (open ones unless {@code all}); everyone else those they made, are offered or are about them.
     * Each one listed is an audited read.
     */
    @Transactional
    public List<Referral> list(SignedInUser reader, boolean all) {
        List<Referral> candidates = new ArrayList<>();
        if (access.coordinatesAny(reader)) {
            List<ReferralStatus> statuses = all ? List.of() : List.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED);
            store.list(reader.agencyId(), statuses, LIST_LIMIT).stream()
                    .filter(r -> party(reader, r) != null)
                    .forEach(candidates::add);
        }
        for (Referral r : store.involving(reader.agencyId(), reader.personId())) {
            if (candidates.stream().noneMatch(c -> c.id().equals(r.id()))
                    && (all || r.status() != ReferralStatus.CLOSED)) {
                candidates.add(r);
            }
        }
        candidates.sort(Comparator.comparing(Referral::receivedAt).reversed());
        List<Referral> shown = new ArrayList<>();
        for (Referral r : candidates) {
            if (access.basis(
                            reader,
                            r.person(),
                            RecordKind.REFERRALS,
                            Purpose.COORDINATION,
                            party(reader, r),
                            r.id().toString())
                    != null) {
                shown.add(r);
            }
        }
        return shown;
    }

    /** How many referrals the reader's programs hold in each status; counts only, no names. */
    @Transactional(readOnly = true)
    public Map<ReferralStatus, Integer> counts(SignedInUser reader) {
        if (!access.coordinatesAny(reader)) {
            throw new ForbiddenException("Only a program coordinator sees the referral counts.");
        }
        return store.countByStatus(reader.agencyId());
    }

    /** Records that peer support was offered to the person (they received the plain-language description). */
    @Transactional
    public Referral offer(SignedInUser coordinator, UUID id, @Nullable String note) {
        Referral r = forCoordinator(coordinator, id);
        requireStatus(r, EnumSet.of(ReferralStatus.RECEIVED));
        move(coordinator, r, ReferralStatus.OFFERED, r.chosenPeer(), null, null, Referral.StepKind.OFFERED, null, note);
        return store.find(coordinator.agencyId(), id).orElseThrow();
    }

    /**
     * Peer workers with capacity for this referral, best match first, each checked for a conflict
     * with the person: blocked ones (no-contact, family, partner) are left out and counted; warned
     * ones are shown with the reasons, which are for the coordinator only.
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Suggestion.Result suggest(SignedInUser coordinator, UUID id) {
        Referral r = forCoordinator(coordinator, id);
        access.read(coordinator, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, "COORDINATOR", id.toString());
        Pauses paused = pauses.getIfAvailable(() -> Pauses.NONE);
        return Matching.suggest(
                r,
                peers(coordinator).stream()
                        .filter(p ->
                                !paused.paused(coordinator.agencyId(), p.id(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS))
                        .toList(),
                profiles.profiles(coordinator.agencyId()),
                loads(coordinator),
                (peer) -> conflicts.check(coordinator, Action.ASSIGN_SUPPORT, peer, r.person()));
    }

    /**
     * Records the peer worker the person chose. A blocked pairing is refused; a warned one needs
     * {@code acknowledged}. The peer worker is told and answers.
     *
     * @throws ConflictException when the pairing is blocked, or the referral is not open
     * @throws AcknowledgementNeeded when the check warns and the coordinator has not confirmed
     */
    @Transactional
    public Referral choose(SignedInUser coordinator, UUID id, PersonId peer, boolean acknowledged) {
        Referral r = forCoordinator(coordinator, id);
        requireStatus(r, EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED));
        Person chosen = directory.requirePerson(coordinator.agencyId(), peer);
        if (!chosen.active()
                || chosen.activeRoles(LocalDate.now(clock)).stream().noneMatch(Role::isPeer)) {
            throw new IllegalArgumentException("peerId must be an active peer worker or volunteer peer");
        }
        if (peer.equals(r.person())) {
            throw new IllegalArgumentException("a person cannot be their own peer worker");
        }
        requireAvailable(coordinator, peer);
        ConflictDecision decision = conflicts.check(coordinator, Action.ASSIGN_SUPPORT, peer, r.person());
        requireAllowed(decision, acknowledged);
        if (r.status() == ReferralStatus.RECEIVED) {
            store.step(
                    coordinator.agencyId(),
                    id,
                    Referral.StepKind.OFFERED,
                    coordinator.personId(),
                    null,
                    null,
                    clock.instant());
        }
        move(
                coordinator,
                r,
                ReferralStatus.OFFERED,
                peer,
                null,
                null,
                Referral.StepKind.CHOSEN,
                peer,
                decision.decision() == Decision.ALLOW ? null : "conflict check: " + decision.decision());
        notices.send(coordinator.agencyId(), peer, NoticeKind.REFERRAL_OFFERED_TO_YOU, "/referrals/" + id);
        return store.find(coordinator.agencyId(), id).orElseThrow();
    }

    /**
     * The chosen peer worker's answer. Accepting creates the assignment (and makes the person a
     * participant of the program if they were not); declining lets the person choose again.
     *
     * @throws ForbiddenException unless the caller is the chosen peer worker
     * @throws ConflictException when a conflict now blocks the pairing
     */
    @Transactional
    public Referral answer(SignedInUser peer, UUID id, boolean accept, @Nullable String note) {
        Referral r = find(peer, id);
        if (r.status() != ReferralStatus.OFFERED || !peer.personId().equals(r.chosenPeer())) {
            throw new ForbiddenException("Only the peer worker the person chose answers this referral.");
        }
        String why = Codes.text(note, "note", 1000, false);
        if (!accept) {
            move(
                    peer,
                    r,
                    ReferralStatus.OFFERED,
                    null,
                    null,
                    null,
                    Referral.StepKind.PEER_DECLINED,
                    peer.personId(),
                    why.isEmpty() ? null : why);
            for (PersonId coordinator : coordinatorsOf(peer, r.program())) {
                notices.send(peer.agencyId(), coordinator, NoticeKind.REFERRAL_PEER_DECLINED, "/referrals/" + id);
            }
            return store.find(peer.agencyId(), id).orElseThrow();
        }
        requireAvailable(peer, peer.personId());
        LocalDate today = LocalDate.now(clock);
        Relationship assignment;
        try {
            assignment = relationships.derive(
                    peer,
                    new DeclareRelationship(
                            RelationshipKind.SUPPORTS, peer.personId(), r.person(), today, null, null, null),
                    RelationshipSource.ASSIGNMENT);
        } catch (RelationshipRefused refused) {
            throw new ConflictException("This pairing is no longer possible: "
                    + String.join(" ", refused.refusal().explanations()));
        }
        Person person = directory.requirePerson(peer.agencyId(), r.person());
        boolean participant = person.roles().stream()
                .anyMatch(role -> role.activeOn(today)
                        && role.role() == Role.PARTICIPANT
                        && r.program().equals(role.programId()));
        if (!participant) {
            directory.assignRole(
                    peer.agencyId(), r.person(), new AssignRole(Role.PARTICIPANT, r.program(), null, today, null));
        }
        move(
                peer,
                r,
                ReferralStatus.ACCEPTED,
                null,
                peer.personId(),
                assignment.id().value(),
                Referral.StepKind.ACCEPTED,
                peer.personId(),
                why.isEmpty() ? null : why);
        Set<PersonId> told = new HashSet<>(coordinatorsOf(peer, r.program()));
        told.add(r.referredBy());
        told.remove(peer.personId());
        told.forEach(p -> notices.send(peer.agencyId(), p, NoticeKind.REFERRAL_ACCEPTED, "/referrals/" + id));
        return store.find(peer.agencyId(), id).orElseThrow();
    }

    /** The person said no to peer support; recorded by a coordinator or by the person. */
    @Transactional
    public Referral personDeclined(SignedInUser by, UUID id, @Nullable String note) {
        Referral r = find(by, id);
        if (!by.isSelf(r.person()) && !access.coordinates(by, r.program())) {
            throw new ForbiddenException("The person or a coordinator of the program records this.");
        }
        requireStatus(r, EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED));
        String why = Codes.text(note, "note", 1000, false);
        move(
                by,
                r,
                ReferralStatus.DECLINED,
                null,
                null,
                null,
                Referral.StepKind.DECLINED,
                null,
                why.isEmpty() ? null : why);
        return store.find(by.agencyId(), id).orElseThrow();
    }

    /**
     * Closes a referral: withdrawn while open, or the support ended. Ending support ends the
     * assignment (its history stays). By a coordinator, the assigned peer worker or the person.
     */
    @Transactional
    public Referral close(SignedInUser by, UUID id, String note) {
        Referral r = find(by, id);
        boolean allowed =
                by.isSelf(r.person()) || by.personId().equals(r.assignedPeer()) || access.coordinates(by, r.program());
        if (!allowed) {
            throw new ForbiddenException("A coordinator, the assigned peer worker or the person closes a referral.");
        }
        requireStatus(
                r,
                EnumSet.of(
                        ReferralStatus.RECEIVED,
                        ReferralStatus.OFFERED,
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.DECLINED));
        String why = Codes.text(note, "note", 1000, true);
        if (r.relationshipId() != null) {
            relationships.endDerived(
                    by, new org.mutuality.relationships.RelationshipId(r.relationshipId()), LocalDate.now(clock));
        }
        move(
                by,
                r,
                ReferralStatus.CLOSED,
                null,
                r.assignedPeer(),
                r.relationshipId(),
                Referral.StepKind.CLOSED,
                null,
                why);
        return store.find(by.agencyId(), id).orElseThrow();
    }

    /** Whether the user coordinates the referral's program. */
    @Transactional(readOnly = true)
    public boolean coordinates(SignedInUser user, Referral referral) {
        return access.coordinates(user, referral.program());
    }

    /** Whether the user coordinates any program (sees the referral queue and caseloads). */
    @Transactional(readOnly = true)
    public boolean isCoordinator(SignedInUser user) {
        return access.coordinatesAny(user);
    }

    /** Refuses a peer worker whose contact with participants is paused, without saying why. */
    private void requireAvailable(SignedInUser caller, PersonId peer) {
        if (pauses.getIfAvailable(() -> Pauses.NONE)
                .paused(caller.agencyId(), peer, Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
            throw new ConflictException("This peer worker is not taking new participants right now.");
        }
    }

    private Referral find(SignedInUser by, UUID id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("referral", id));
    }

    private Referral forCoordinator(SignedInUser by, UUID id) {
        Referral r = find(by, id);
        if (!access.coordinates(by, r.program())) {
            throw new ForbiddenException("Only a coordinator of the program handles this referral.");
        }
        return r;
    }

    private @Nullable String party(SignedInUser reader, Referral r) {
        if (access.coordinates(reader, r.program())) {
            return "COORDINATOR";
        }
        if (reader.personId().equals(r.chosenPeer())) {
            return "OFFERED_PEER";
        }
        if (reader.personId().equals(r.assignedPeer())) {
            return "ASSIGNED_PEER";
        }
        if (reader.personId().equals(r.referredBy())) {
            return "REFERRER";
        }
        return null;
    }

    private void move(
            SignedInUser by,
            Referral r,
            ReferralStatus status,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable UUID relationship,
            Referral.StepKind step,
            @Nullable PersonId stepPeer,
            @Nullable String note) {
        Instant now = clock.instant();
        if (!store.update(by.agencyId(), r.id(), r.version(), status, chosen, assigned, relationship, now)) {
            throw new ConflictException("Someone else changed this referral meanwhile; reload and try again.");
        }
        store.step(by.agencyId(), r.id(), step, by.personId(), stepPeer, note, now);
        access.written(
                by,
                r.person(),
                RecordKind.REFERRALS,
                r.id().toString(),
                step.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void requireStatus(Referral r, Set<ReferralStatus> allowed) {
        if (!allowed.contains(r.status())) {
            throw new ConflictException("This referral is " + r.status() + "; that step is not possible now.");
        }
    }

    static void requireAllowed(ConflictDecision decision, boolean acknowledged) {
        decision.requireCleared(acknowledged);
    }

    private List<PersonId> coordinatorsOf(SignedInUser user, ProgramId program) {
        LocalDate today = LocalDate.now(clock);
        List<PersonId> result = new ArrayList<>();
        for (Person p : directory.everyone(user.agencyId())) {
            if (p.active()
                    && p.roles().stream()
                            .anyMatch(r -> r.activeOn(today)
                                    && (r.role() == Role.SUPERVISOR || r.role() == Role.MANAGER)
                                    && (r.programId() == null || r.programId().equals(program)))) {
                result.add(p.id());
            }
        }
        return result;
    }

    private List<Person> peers(SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> p.active() && p.activeRoles(today).stream().anyMatch(Role::isPeer))
                .toList();
    }

    /** How many people each peer worker supports today. */
    Map<PersonId, Integer> loads(SignedInUser user) {
        Map<PersonId, Integer> loads = new HashMap<>();
        for (Relationship rel : relationships.currentIn(user.agencyId())) {
            if (rel.kind() == RelationshipKind.SUPPORTS) {
                loads.merge(rel.personA(), 1, Integer::sum);
            }
        }
        return loads;
    }
}
