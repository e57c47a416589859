package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
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
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.GuardedPages;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
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

    /** How many referrals a page of the list shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    private final ReferralStore store;
    private final ProfileStore profiles;
    private final SupportAccess access;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final org.springframework.beans.factory.ObjectProvider<Pauses> pauses;
    private final Clearances clearances;
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
            Clearances clearances,
            Clock clock) {
        this.pauses = pauses;
        this.clearances = clearances;
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
     * <p>A person has at most one open referral to a program, as far as the referrer can tell: when
     * they may see the open one (they made it, coordinate the program, were offered or assigned it,
     * or it is their own), the new one is refused with a 409 that points them to it. When they may not
     * see it, the answer must not tell them it exists (a referral to peer support says something
     * about a person's health), so their referral is recorded like any other: the program's
     * coordinators, who are told of it, see both and close one.
     *
     * @throws NotFoundException when the person is not in the agency, or the caller is not staff and
     *     refers someone else (it reads as a missing person: they may not see anyone but themselves)
     * @throws BadInputException when the reason is under 5 or over 2,000 characters, or the
     *     program takes no referrals
     * @throws ConflictException when the person already has an open referral to that program that the
     *     caller may see
     */
    @Transactional
    public Referral refer(SignedInUser by, PersonId person, ProgramId program, String reason, Preferences preferences) {
        directory.requirePerson(by.agencyId(), person);
        if (!by.isStaff() && !by.isSelf(person)) {
            throw by.refusalAbout(person, "referral.whoRefers");
        }
        Referral referral = Referral.receive(person, program, by.personId(), reason, preferences, clock.instant());
        if (programs(by).stream().noneMatch(p -> p.id().equals(program))) {
            throw new BadInputException("referral.noPeers");
        }
        boolean openAndSeen = store.involving(by.agencyId(), person).stream()
                .anyMatch(r -> r.person().equals(person)
                        && r.program().equals(program)
                        && r.status().isOpen()
                        && access.allows(by, person, RecordKind.REFERRALS, Purpose.COORDINATION, party(by, r)));
        if (openAndSeen) {
            throw new ConflictException("referral.alreadyOpen");
        }
        store.insert(by.agencyId(), referral);
        access.written(by, person, RecordKind.REFERRALS, referral.id().toString(), "referral");
        for (PersonId coordinator : directory.coordinatorsOf(by.agencyId(), program)) {
            if (!coordinator.equals(by.personId())) {
                notices.send(by.agencyId(), coordinator, NoticeKind.REFERRAL_RECEIVED, link(referral));
            }
        }
        return referral;
    }

    /**
     * One referral, for a party to it: the person, the referrer, a coordinator of its program, the
     * peer worker it was offered to or assigned to. The read is audited.
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Referral view(SignedInUser reader, ReferralId id) {
        Referral referral = find(reader, id);
        access.read(
                reader,
                referral.person(),
                RecordKind.REFERRALS,
                Purpose.COORDINATION,
                party(reader, referral),
                id.toString());
        return reader.isSelf(referral.person()) ? referral.asThePersonSeesIt() : referral;
    }

    /**
     * A page of the referrals the reader handles or is a party to, newest first by arrival (30
     * unless {@code limit} says otherwise): a coordinator sees those of their programs (open ones
     * unless {@code all}); everyone else those they made, are offered or are about them (not closed
     * ones unless {@code all}). Each one shown is an audited read, and so is each one the guard
     * withholds (a lockbox) before the page ends; a withheld one is left out without making the page
     * shorter, and the next page starts after the last one shown.
     */
    @Transactional
    public Page<Referral> list(SignedInUser reader, boolean all, @Nullable ReferralCursor after, int limit) {
        List<ProgramId> coordinated = access.programsCoordinatedBy(reader);
        return GuardedPages.walk(
                after,
                limit,
                (from, fetch) -> store.listed(reader.agencyId(), reader.personId(), coordinated, all, from, fetch),
                ReferralCursor::after,
                ReferralCursor::cursor,
                r -> {
                    @Nullable Basis party = party(reader, r);
                    boolean allowed =
                            access.allows(reader, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, party);
                    return new GuardedPages.Read<>(
                            allowed ? (reader.isSelf(r.person()) ? r.asThePersonSeesIt() : r) : null,
                            () -> access.basis(
                                    reader,
                                    r.person(),
                                    RecordKind.REFERRALS,
                                    Purpose.COORDINATION,
                                    party,
                                    r.id().toString()));
                });
    }

    /**
     * The person's own referrals that are open or under way (choosing, waiting, supported), newest
     * first, as they read them; each an audited read of their own record.
     */
    @Transactional
    public List<Referral> mine(SignedInUser person) {
        return store.involving(person.agencyId(), person.personId()).stream()
                .filter(r ->
                        person.isSelf(r.person()) && (r.status().isOpen() || r.status() == ReferralStatus.ACCEPTED))
                .sorted(Comparator.comparing(Referral::receivedAt).reversed())
                .filter(r -> access.basis(
                                person, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, null, r.id().toString())
                        != null)
                .map(Referral::asThePersonSeesIt)
                .toList();
    }

    /** How many referrals the reader's programs hold in each status; counts only, no names. */
    @Transactional(readOnly = true)
    public Map<ReferralStatus, Integer> counts(SignedInUser reader) {
        if (!access.coordinatesAny(reader)) {
            throw new ForbiddenException("referral.countsForCoordinators");
        }
        return store.countByStatus(reader.agencyId());
    }

    /** Records that peer support was offered to the person (they received the plain-language description). */
    @Transactional
    public Referral offer(SignedInUser coordinator, ReferralId id, @Nullable String note) {
        Referral r = forCoordinator(coordinator, id);
        return save(coordinator, r, r.offer(coordinator.personId(), note, clock.instant()));
    }

    /**
     * Peer workers with capacity for this referral, best match first, each checked for a conflict
     * with the person: blocked ones (no-contact, family, partner) are left out and counted; warned
     * ones are shown with the reasons, which are for the coordinator only.
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Suggestion.Result suggest(SignedInUser coordinator, ReferralId id) {
        Referral r = forCoordinator(coordinator, id);
        access.read(
                coordinator, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, Basis.COORDINATOR, id.toString());
        Pauses paused = pauses.getIfAvailable(() -> Pauses.NONE);
        return Matching.suggest(
                r,
                directory.activePeers(coordinator.agencyId()).stream()
                        .filter(p ->
                                !paused.paused(coordinator.agencyId(), p.id(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS))
                        .toList(),
                profiles.profiles(coordinator.agencyId()),
                Caseloads.loads(relationships.currentIn(coordinator.agencyId())),
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
    public Referral choose(SignedInUser coordinator, ReferralId id, PersonId peer, boolean acknowledged) {
        return choose(coordinator, id, peer, acknowledged, null);
    }

    /**
     * As {@link #choose(SignedInUser, ReferralId, PersonId, boolean)}, on a consultation the
     * coordinator asked about this very pairing ({@code ASSIGN_SUPPORT}, this peer worker, this
     * person) and that was answered "go ahead with safeguards": it is used once, with this choice, and
     * the step names it.
     *
     * @param consultation the consultation's id, or null to rely on {@code acknowledged}
     * @throws NotFoundException when the coordinator may not read that consultation
     * @throws ConflictException when it was not answered "go ahead", was used, or is about another pairing
     */
    // Nothing is written before the consultation is read: a refused read of it keeps its audit entry.
    @Transactional(noRollbackFor = NotFoundException.class)
    public Referral choose(
            SignedInUser coordinator, ReferralId id, PersonId peer, boolean acknowledged, @Nullable UUID consultation) {
        Referral r = forCoordinator(coordinator, id);
        Person chosen = directory.requirePerson(coordinator.agencyId(), peer);
        if (!chosen.active()
                || chosen.activeRoles(LocalDate.now(clock)).stream().noneMatch(Role::isPeer)) {
            throw new BadInputException("referral.notAPeer");
        }
        requireAvailable(coordinator, peer);
        ConflictDecision decision = conflicts.check(coordinator, Action.ASSIGN_SUPPORT, peer, r.person());
        GoAhead goAhead = clearances.resolve(
                coordinator,
                acknowledged,
                consultation,
                Action.ASSIGN_SUPPORT,
                peer,
                r.person(),
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.REFERRAL, id.value()));
        Referral chosenOne =
                save(coordinator, r, r.choose(coordinator.personId(), peer, decision, goAhead, clock.instant()));
        notices.send(coordinator.agencyId(), peer, NoticeKind.REFERRAL_OFFERED_TO_YOU, link(r));
        return chosenOne;
    }

    /**
     * For each peer worker suggested with a call for consultation, the consultations the coordinator
     * asked about that very pairing and may go ahead on (answered "go ahead with safeguards", not
     * used): ids only, for the page to offer them in place of a bare acknowledgement.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, List<UUID>> consultationsFor(SignedInUser coordinator, Referral r, Suggestion.Result result) {
        Map<PersonId, List<UUID>> usable = new java.util.HashMap<>();
        for (Suggestion s : result.suggestions()) {
            if (s.flagged()) {
                usable.put(s.peer(), clearances.usable(coordinator, Action.ASSIGN_SUPPORT, s.peer(), r.person()));
            }
        }
        return usable;
    }

    /**
     * The peer workers suggested to the person themselves on their open referral, in what the person
     * may see: name, pronouns, languages, the lived experience and times each chose to share. Never
     * a conflict, its reasons, a load or a score; the same filtering as the coordinator's (a blocked,
     * full or paused peer worker is simply not there), best match first and then by name. Empty once
     * the referral is no longer open. The read is audited.
     *
     * @throws NotFoundException when the referral is not about the caller (audited)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public List<PeerChoice> suggestionsForPerson(SignedInUser person, ReferralId id) {
        Referral r = forPerson(person, id);
        return r.status().isOpen()
                ? choicesFor(person, r).values().stream().map(Offered::choice).toList()
                : List.of();
    }

    /**
     * The person chose a peer worker among those suggested to them. The person is told the same
     * whatever the check said: when it allows, the peer worker is asked at once; when it warns or asks
     * for consultation, a coordinator confirms first. A peer worker not suggested to them (blocked,
     * full, paused, not a peer worker, unknown) is refused as "not available".
     *
     * @throws NotFoundException when the referral is not about the caller
     * @throws ConflictException when the peer worker is not available or the referral is not open
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Referral personChoose(SignedInUser person, ReferralId id, PersonId peer) {
        Referral r = forPerson(person, id);
        Offered offered = offeredTo(person, r, peer);
        Referral.Moved moved = r.personChose(peer, offered.decision(), clock.instant());
        Referral chosen = save(person, r, moved).asThePersonSeesIt();
        if (moved.last().step() == Referral.StepKind.CHOSEN) {
            notices.send(person.agencyId(), peer, NoticeKind.REFERRAL_OFFERED_TO_YOU, link(r));
        }
        tellCoordinators(person, r, NoticeKind.REFERRAL_PERSON_CHOSE);
        return chosen;
    }

    /**
     * The person would like to talk with a suggested peer worker before choosing; the program's
     * coordinators are told and arrange it.
     *
     * @throws NotFoundException when the referral is not about the caller
     * @throws ConflictException when the peer worker is not available or the referral is not open
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Referral talkFirst(SignedInUser person, ReferralId id, PersonId peer) {
        Referral r = forPerson(person, id);
        Offered offered = offeredTo(person, r, peer);
        Referral asked = save(person, r, r.askedToTalkFirst(peer, offered.decision(), clock.instant()))
                .asThePersonSeesIt();
        tellCoordinators(person, r, NoticeKind.REFERRAL_TALK_FIRST);
        return asked;
    }

    /**
     * The person asks for another peer worker, with no reason to give: the program's coordinators
     * are told and the suggestions open again, without the current peer worker, whose support goes
     * on until another accepts. {@code id} names the referral when the person has several with a peer
     * worker; null picks their only one.
     *
     * @throws NotFoundException when the referral is not about the caller
     * @throws BadInputException when no referral is named and the person has none or several supported
     * @throws ConflictException when no peer worker supports the person on that referral
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Referral askForChange(SignedInUser person, @Nullable ReferralId id) {
        Referral r;
        if (id != null) {
            r = forPerson(person, id);
        } else {
            List<Referral> supported = store.involving(person.agencyId(), person.personId()).stream()
                    .filter(x -> person.isSelf(x.person()) && x.status() == ReferralStatus.ACCEPTED)
                    .toList();
            if (supported.size() != 1) {
                throw new BadInputException("referral.nameWhichSupport");
            }
            r = forPerson(person, supported.get(0).id());
        }
        Referral reopened = save(person, r, r.changeAsked(clock.instant())).asThePersonSeesIt();
        tellCoordinators(person, r, NoticeKind.REFERRAL_CHANGE_ASKED);
        return reopened;
    }

    /** A peer worker as the person sees them among their suggestions. */
    public record PeerChoice(
            PersonId peer,
            String name,
            @Nullable String pronouns,
            Set<String> languages,
            Set<LivedExperience> livedExperience,
            Set<Availability> availability) {

        public PeerChoice {
            languages = Set.copyOf(languages);
            livedExperience = Set.copyOf(livedExperience);
            availability = Set.copyOf(availability);
        }
    }

    /** A suggestion as the person sees it, and the check's answer, which stays with the service. */
    private record Offered(PeerChoice choice, ConflictDecision decision) {}

    /**
     * The suggestions for the person, in their order (best match, then name), by peer worker. The
     * check is run as the coordinator's is; the person's view keeps none of it.
     */
    private Map<PersonId, Offered> choicesFor(SignedInUser person, Referral r) {
        Pauses paused = pauses.getIfAvailable(() -> Pauses.NONE);
        Map<PersonId, ConflictDecision> decisions = new java.util.HashMap<>();
        Suggestion.Result result = Matching.suggest(
                r,
                directory.activePeers(person.agencyId()).stream()
                        .filter(p -> !paused.paused(person.agencyId(), p.id(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS))
                        .toList(),
                profiles.profiles(person.agencyId()),
                Caseloads.loads(relationships.currentIn(person.agencyId())),
                peer -> decisions.computeIfAbsent(
                        peer, p -> conflicts.check(person, Action.ASSIGN_SUPPORT, p, r.person())));
        Map<PersonId, Offered> offered = new java.util.LinkedHashMap<>();
        result.suggestions().stream()
                .sorted(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::name))
                .forEach(s -> offered.put(
                        s.peer(),
                        new Offered(
                                new PeerChoice(
                                        s.peer(),
                                        s.name(),
                                        s.pronouns(),
                                        s.profile().languages(),
                                        s.profile().livedExperience(),
                                        s.profile().availability()),
                                decisions.get(s.peer()))));
        return offered;
    }

    private Offered offeredTo(SignedInUser person, Referral r, PersonId peer) {
        if (!r.status().isOpen()) {
            throw new ConflictException(
                    "referral.notNow",
                    Explanation.term(
                            "referral.status." + r.status().name(), r.status().name()));
        }
        Offered offered = choicesFor(person, r).get(peer);
        if (offered == null) {
            throw new ConflictException("referral.peerNotAvailable");
        }
        return offered;
    }

    /**
     * The referral, for the person it is about; anyone else is answered as if it did not exist, and
     * the refused read is audited.
     */
    private Referral forPerson(SignedInUser person, ReferralId id) {
        Referral r = find(person, id);
        if (!person.isSelf(r.person())) {
            access.refusedRead(person, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, id.toString());
            throw new NotFoundException("notFound.referral", id);
        }
        access.read(person, r.person(), RecordKind.REFERRALS, Purpose.COORDINATION, null, id.toString());
        return r;
    }

    private void tellCoordinators(SignedInUser by, Referral r, NoticeKind kind) {
        for (PersonId coordinator : directory.coordinatorsOf(by.agencyId(), r.program())) {
            if (!coordinator.equals(by.personId())) {
                notices.send(by.agencyId(), coordinator, kind, link(r));
            }
        }
    }

    /**
     * The chosen peer worker's answer. Accepting creates the assignment (and makes the person a
     * participant of the program if they were not); declining lets the person choose again.
     *
     * @throws ForbiddenException unless the caller is the chosen peer worker
     * @throws ConflictException when a conflict now blocks the pairing
     */
    @Transactional
    public Referral answer(SignedInUser peer, ReferralId id, boolean accept, @Nullable String note) {
        Referral r = find(peer, id);
        if (!r.awaitsAnswerFrom(peer.personId())) {
            throw new ForbiddenException("referral.onlyChosenPeerAnswers");
        }
        if (!accept) {
            Referral declined = save(peer, r, r.peerDeclined(peer.personId(), note, clock.instant()));
            for (PersonId coordinator : directory.coordinatorsOf(peer.agencyId(), r.program())) {
                notices.send(peer.agencyId(), coordinator, NoticeKind.REFERRAL_PEER_DECLINED, link(r));
            }
            return declined;
        }
        requireAvailable(peer, peer.personId());
        LocalDate today = LocalDate.now(clock);
        if (r.relationshipId() != null) {
            // The person asked for another peer worker: the one they leave stops supporting them now.
            relationships.endDerived(peer, r.relationshipId(), today);
        }
        Relationship assignment;
        try {
            assignment = relationships.derive(
                    peer,
                    new DeclareRelationship(
                            RelationshipKind.SUPPORTS, peer.personId(), r.person(), today, null, null, null),
                    RelationshipSource.ASSIGNMENT);
        } catch (RelationshipRefused refused) {
            throw new ConflictException(
                    "referral.noLongerPossible",
                    String.join(" ", refused.refusal().explanations()));
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
        Referral accepted = save(peer, r, r.accept(peer.personId(), assignment.id(), note, clock.instant()));
        Set<PersonId> told = new HashSet<>(directory.coordinatorsOf(peer.agencyId(), r.program()));
        told.add(r.referredBy());
        told.remove(peer.personId());
        told.forEach(p -> notices.send(peer.agencyId(), p, NoticeKind.REFERRAL_ACCEPTED, link(r)));
        return accepted;
    }

    /** The person said no to peer support; recorded by a coordinator or by the person. */
    @Transactional
    public Referral personDeclined(SignedInUser by, ReferralId id, @Nullable String note) {
        Referral r = find(by, id);
        if (!by.isSelf(r.person()) && !access.coordinates(by, r.program())) {
            throw new ForbiddenException("referral.whoRecordsDecline");
        }
        Referral.Moved declined = r.personDeclined(by.personId(), note, clock.instant());
        if (r.relationshipId() != null) {
            // Declining after asking for a change ends the support that was going on meanwhile.
            relationships.endDerived(by, r.relationshipId(), LocalDate.now(clock));
        }
        return save(by, r, declined);
    }

    /**
     * Closes a referral: withdrawn while open, or the support ended. Ending support ends the
     * assignment (its history stays). By a coordinator, the assigned peer worker or the person.
     */
    @Transactional
    public Referral close(SignedInUser by, ReferralId id, String note) {
        Referral r = find(by, id);
        if (!closes(by, r)) {
            throw new ForbiddenException("referral.whoCloses");
        }
        Referral.Moved closed = r.close(by.personId(), note, clock.instant());
        if (r.relationshipId() != null) {
            relationships.endDerived(by, r.relationshipId(), LocalDate.now(clock));
        }
        return save(by, r, closed);
    }

    /** Whether the user may close the referral now: it is not closed, and they {@link #close close} it. */
    @Transactional(readOnly = true)
    public boolean mayClose(SignedInUser user, Referral referral) {
        return referral.status() != ReferralStatus.CLOSED && closes(user, referral);
    }

    private boolean closes(SignedInUser by, Referral r) {
        return by.isSelf(r.person()) || by.personId().equals(r.assignedPeer()) || access.coordinates(by, r.program());
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
            throw new ConflictException("referral.peerNotAvailable");
        }
    }

    private Referral find(SignedInUser by, ReferralId id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.referral", id));
    }

    private Referral forCoordinator(SignedInUser by, ReferralId id) {
        Referral r = find(by, id);
        if (!access.coordinates(by, r.program())) {
            throw new ForbiddenException("referral.coordinatorsOnly");
        }
        return r;
    }

    private @Nullable Basis party(SignedInUser reader, Referral r) {
        if (access.coordinates(reader, r.program())) {
            return Basis.COORDINATOR;
        }
        if (reader.personId().equals(r.chosenPeer())) {
            return Basis.OFFERED_PEER;
        }
        if (reader.personId().equals(r.assignedPeer())) {
            return Basis.ASSIGNED_PEER;
        }
        if (reader.personId().equals(r.referredBy())) {
            return Basis.REFERRER;
        }
        return null;
    }

    /** Saves a step taken on a referral (optimistically, against the version read) and audits the write. */
    private Referral save(SignedInUser by, Referral before, Referral.Moved moved) {
        store.save(by.agencyId(), before.version(), moved);
        access.written(
                by,
                before.person(),
                RecordKind.REFERRALS,
                before.id().toString(),
                moved.last().step().name().toLowerCase(java.util.Locale.ROOT));
        return moved.referral();
    }

    private static String link(Referral r) {
        return "/referrals/" + r.id();
    }
}
