package org.mutuality.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Clearances;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
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
import org.mutuality.safety.store.PauseStore;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Role pauses and returns (S5): part of a staff member's role (contact with participants, leading
 * groups) is paused, not ended, by the privacy lead, a manager or a supervisor who has no conflict
 * with them ({@code REVIEW_PERFORMANCE}). While paused, peer support neither suggests, assigns nor
 * records contact for them, and they record no group session as leader. Their participants are
 * reassigned one by one after the conflict check, and the messages waiting for them go to the
 * program's on-duty peer worker or its coordinators. A return plan lists steps and a date; returning
 * restores the role. The reason, and the person's own note, are read only by the person, whoever
 * paused them, the privacy lead and their supervisor: the people who must know. The same for every
 * staff member, peer or not (S13).
 */
@Service
public class RolePauses implements Pauses {

    private final PauseStore store;
    private final SafetyTrail trail;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Clearances clearances;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final Concerns concerns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RolePauses(
            PauseStore store,
            SafetyTrail trail,
            Directory directory,
            ConflictCheck conflicts,
            Clearances clearances,
            RelationshipRegister relationships,
            Notices notices,
            Concerns concerns,
            ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.conflicts = conflicts;
        this.clearances = clearances;
        this.relationships = relationships;
        this.notices = notices;
        this.concerns = concerns;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean paused(AgencyId agency, PersonId person, Pauses.Scope scope) {
        return store.activeScopes(agency, person).contains(scope);
    }

    /**
     * Pauses part of someone's role; the person and those who must know are told, and a {@link
     * RolePaused} event lets contact re-route the messages waiting for them.
     *
     * @throws ForbiddenException unless the caller handles concerns (privacy lead, manager, supervisor)
     *     and is not the person
     * @throws BadInputException when the person is not staff or the return date is in the past
     * @throws ConflictException when the conflict check refuses the caller ({@code REVIEW_PERFORMANCE}),
     *     or a pause is already in force
     */
    @Transactional
    public RolePause pause(SignedInUser by, RolePause.Plan plan, boolean acknowledged) {
        return pause(by, plan, acknowledged, true);
    }

    /**
     * As {@link #pause(SignedInUser, RolePause.Plan, boolean)}, from a page that asks for a tick
     * first: whoever may not pause is refused as before; whoever may is asked for the tick.
     *
     * @throws BadInputException ({@code form.confirmFirst}) when the tick is missing
     */
    @Transactional
    public RolePause pause(SignedInUser by, RolePause.Plan plan, boolean acknowledged, boolean ticked) {
        PersonId person = plan.person();
        if (!concerns.isHandler(by) || by.personId().equals(person)) {
            throw new ForbiddenException("pause.pauseRefused");
        }
        if (!ticked) {
            throw new BadInputException("form.confirmFirst");
        }
        LocalDate today = LocalDate.now(clock);
        if (!directory.requirePerson(by.agencyId(), person).isStaffOn(today)) {
            throw new BadInputException("safety.notStaff", Explanation.field("personId"));
        }
        RolePause pause = RolePause.start(plan, by.personId(), today);
        if (!store.activeScopes(by.agencyId(), person).isEmpty()) {
            throw new ConflictException("pause.alreadyPaused");
        }
        conflicts.check(by, Action.REVIEW_PERFORMANCE, by.personId(), person).requireCleared(acknowledged);
        store.insert(by.agencyId(), pause, clock.instant());
        trail.written(by, person, pause.id(), "role paused " + pause.scopes());
        events.publishEvent(new RolePaused(by, pause.id(), person, pause.scopes()));
        notices.send(by.agencyId(), person, NoticeKind.ROLE_PAUSED, "/pauses/" + pause.id());
        for (PersonId p : mustKnow(by.agencyId(), person)) {
            if (!p.equals(by.personId())) {
                notices.send(by.agencyId(), p, NoticeKind.ROLE_PAUSE_TO_KNOW, "/pauses/" + pause.id());
            }
        }
        return view(by, pause.id());
    }

    /** The staff whose role the person could pause, by name: active staff today, never themselves. */
    @Transactional(readOnly = true)
    public List<Person> pausable(SignedInUser by) {
        LocalDate today = LocalDate.now(clock);
        return directory.everyone(by.agencyId()).stream()
                .filter(p -> p.active() && p.isStaffOn(today) && !p.id().equals(by.personId()))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    /** The pauses the reader may read: their own, those they made, and for the privacy lead or a supervisor, those they must know. */
    @Transactional
    public List<RolePause> visibleTo(SignedInUser reader) {
        List<RolePause> shown = new ArrayList<>();
        for (RolePause p : store.all(reader.agencyId())) {
            Basis party = party(reader, p);
            if (party != null && read(reader, p, party)) {
                shown.add(p);
            }
        }
        return shown;
    }

    /**
     * One pause, for the people who must know.
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public RolePause view(SignedInUser reader, RolePauseId id) {
        RolePause p = find(reader, id);
        if (!read(reader, p, party(reader, p))) {
            throw new ForbiddenException("pause.readRefused");
        }
        return p;
    }

    /**
     * The person's own note about why and how they are doing; private to those who must know.
     *
     * @throws ForbiddenException unless the caller is the person
     * @throws BadInputException when the note is over 4,000 characters
     */
    @Transactional
    public RolePause note(SignedInUser person, RolePauseId id, String text) {
        RolePause p = find(person, id);
        if (!p.person().equals(person.personId())) {
            throw new ForbiddenException("pause.noteRefused");
        }
        return save(person, p.note(text));
    }

    /**
     * Marks a step of the return plan done; by the person, whoever paused them, or the privacy lead.
     *
     * @throws ConflictException when the step is done already or not part of this plan
     */
    @Transactional
    public RolePause stepDone(SignedInUser by, RolePauseId id, ReturnStepId step) {
        RolePause p = find(by, id);
        requireManages(by, p, true);
        return save(by, p.stepDone(step, LocalDate.now(clock)));
    }

    /**
     * Ends the pause: the role is restored. By whoever paused the person, or the privacy lead.
     *
     * @throws ConflictException when the person has returned already
     */
    @Transactional
    public RolePause returnToRole(SignedInUser by, RolePauseId id) {
        return returnToRole(by, id, true);
    }

    /**
     * As {@link #returnToRole(SignedInUser, RolePauseId)}, from a page that asks for a tick first:
     * whoever may not restore it is refused as before; whoever may is asked for the tick.
     *
     * @throws BadInputException ({@code form.confirmFirst}) when the tick is missing
     */
    @Transactional
    public RolePause returnToRole(SignedInUser by, RolePauseId id, boolean ticked) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        if (!ticked) {
            throw new BadInputException("form.confirmFirst");
        }
        RolePause back = save(by, p.returnToRole(LocalDate.now(clock)));
        notices.send(by.agencyId(), p.person(), NoticeKind.ROLE_RESTORED, "/pauses/" + id);
        return back;
    }

    /**
     * The participants the paused person supports today, by name, each with the peer workers who could
     * take them over.
     *
     * @throws ForbiddenException unless the caller manages the pause
     */
    @Transactional(readOnly = true)
    public Map<Person, List<Candidate>> reassignments(SignedInUser by, RolePauseId id) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        Map<Person, List<Candidate>> result = new TreeMap<>(Comparator.comparing(Person::displayName)
                .thenComparing(person -> person.id().value()));
        for (Relationship r : relationships.currentOf(by.agencyId(), p.person())) {
            if (r.kind() == RelationshipKind.SUPPORTS && r.personA().equals(p.person())) {
                directory
                        .person(by.agencyId(), r.personB())
                        .ifPresent(participant -> result.put(participant, candidates(by, id, participant.id())));
            }
        }
        return result;
    }

    /** Peer workers who could take a participant over: not paused, not blocked by the conflict check. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(SignedInUser by, RolePauseId id, PersonId participant) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        List<Candidate> result = new ArrayList<>();
        for (Person peer : directory.activePeers(by.agencyId())) {
            if (peer.id().equals(p.person())
                    || peer.id().equals(participant)
                    || paused(by.agencyId(), peer.id(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
                continue;
            }
            ConflictDecision d = conflicts.check(by, Action.ASSIGN_SUPPORT, peer.id(), participant);
            if (d.allowed()) {
                result.add(new Candidate(peer.id(), peer.displayName(), d.decision(), d.concerns()));
            }
        }
        result.sort(Comparator.comparing(Candidate::decision).thenComparing(Candidate::name));
        return result;
    }

    /** A peer worker who could take a participant over, with what the conflict check said. */
    public record Candidate(PersonId peer, String name, Decision decision, List<String> reasons) {}

    /**
     * Moves one participant from the paused person to another peer worker: the old assignment ends
     * today (its history stays), the new one is vetted by the conflict check ({@code ASSIGN_SUPPORT}).
     *
     * @param newPeer null when none was chosen, which is refused
     * @throws BadInputException when no peer worker is chosen
     * @throws ConflictException when the peer worker is not among the {@link #candidates}, or the
     *     conflict check or the register refuses the pairing
     */
    @Transactional
    public void reassign(
            SignedInUser by, RolePauseId id, PersonId participant, @Nullable PersonId newPeer, boolean acknowledged) {
        reassign(by, id, participant, newPeer, acknowledged, null);
    }

    /**
     * As {@link #reassign(SignedInUser, RolePauseId, PersonId, PersonId, boolean)}, the manager of the
     * pause bringing, in place of the acknowledgement, a consultation they asked about exactly this
     * pairing ({@code ASSIGN_SUPPORT}, the new peer worker, the participant), answered "go ahead with
     * safeguards": it is used once, for this pause, and the new assignment names it. A peer worker the
     * check blocks is no candidate, whatever is brought.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws NotFoundException when the consultation is not one the caller may read (audited, as a
     *     missing one)
     * @throws ConflictException also when the consultation was used already, was answered otherwise, or
     *     is about another action or other people
     */
    @Transactional(noRollbackFor = NotFoundException.class) // the hidden consultation's audit entry stays
    public void reassign(
            SignedInUser by,
            RolePauseId id,
            PersonId participant,
            @Nullable PersonId newPeer,
            boolean acknowledged,
            @Nullable UUID consultation) {
        if (newPeer == null) {
            throw new BadInputException("pause.choosePeer");
        }
        RolePause p = find(by, id);
        requireManages(by, p, false);
        Relationship current = relationships.currentOf(by.agencyId(), p.person()).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPPORTS
                        && r.personA().equals(p.person())
                        && r.personB().equals(participant))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("notFound.assignment", participant));
        if (candidates(by, id, participant).stream().noneMatch(c -> c.peer().equals(newPeer))) {
            throw new ConflictException("pause.notACandidate");
        }
        ConflictDecision decision = conflicts.check(by, Action.ASSIGN_SUPPORT, newPeer, participant);
        GoAhead goAhead = clearances.resolve(
                by,
                acknowledged,
                consultation,
                Action.ASSIGN_SUPPORT,
                newPeer,
                participant,
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.ROLE_PAUSE, id.value()));
        decision.requireCleared(goAhead);
        UUID consultedOn =
                goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
        LocalDate today = LocalDate.now(clock);
        relationships.endDerived(by, current.id(), today);
        DeclareRelationship handedOver =
                new DeclareRelationship(RelationshipKind.SUPPORTS, newPeer, participant, today, null, null, null);
        try {
            if (consultedOn == null) {
                relationships.derive(by, handedOver, RelationshipSource.ASSIGNMENT);
            } else {
                relationships.derive(by, handedOver, RelationshipSource.ASSIGNMENT, consultedOn);
            }
        } catch (RelationshipRefused refused) {
            throw new ConflictException(
                    "pause.pairingRefused", String.join(" ", refused.refusal().explanations()));
        }
        store.handedOver(by.agencyId(), id, new Handover(participant, newPeer, today, consultedOn), clock.instant());
        notices.send(
                by.agencyId(),
                newPeer,
                NoticeKind.PARTICIPANT_REASSIGNED_TO_YOU,
                "/support/participants/" + participant);
        trail.written(
                by,
                p.person(),
                id,
                consultedOn == null
                        ? "participant reassigned"
                        : "participant reassigned on consultation " + consultedOn);
    }

    /**
     * The participants handed to another peer worker during the pause, oldest first, each with the
     * consultation it went ahead on when it did.
     *
     * @throws ForbiddenException unless the caller manages the pause
     */
    @Transactional(readOnly = true)
    public List<Handover> handovers(SignedInUser by, RolePauseId id) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        return store.handovers(by.agencyId(), id);
    }

    /**
     * A participant handed to another peer worker during a pause, on a day; {@code consultation} is the
     * consultation it went ahead on, or null when the caution was acknowledged or there was none.
     */
    public record Handover(
            PersonId participant,
            PersonId peer,
            LocalDate on,
            @Nullable UUID consultation) {}

    /** Whether the reader manages the pause (reassigns, restores the role): whoever made it or the privacy lead. */
    public boolean manages(SignedInUser reader, RolePause p) {
        return reader.personId().equals(p.pausedBy()) || reader.isPrivacyLead();
    }

    /** Refuses all but those who manage the pause (and the person, for steps). */
    private void requireManages(SignedInUser by, RolePause p, boolean personToo) {
        if (!manages(by, p) && !(personToo && by.personId().equals(p.person()))) {
            throw new ForbiddenException("pause.managersOnly");
        }
    }

    private @Nullable Basis party(SignedInUser reader, RolePause p) {
        if (reader.personId().equals(p.person())) {
            return Basis.SELF;
        }
        if (reader.personId().equals(p.pausedBy())) {
            return Basis.PAUSED_BY;
        }
        if (reader.isPrivacyLead()) {
            return Basis.PRIVACY_LEAD;
        }
        return mustKnow(reader.agencyId(), p.person()).contains(reader.personId()) ? Basis.SUPERVISOR : null;
    }

    private boolean read(SignedInUser reader, RolePause p, @Nullable Basis party) {
        return reader.personId().equals(p.person()) || trail.read(reader, p.person(), party, p.id()) != null;
    }

    /** The privacy leads and the person's supervisors. */
    private List<PersonId> mustKnow(AgencyId agency, PersonId person) {
        Set<PersonId> result = new LinkedHashSet<>(directory.holding(agency, Role.PRIVACY_LEAD));
        LocalDate today = LocalDate.now(clock);
        for (Relationship r : relationships.currentOf(agency, person)) {
            if (r.kind() == RelationshipKind.SUPERVISES && r.personB().equals(person) && r.activeOn(today)) {
                result.add(r.personA());
            }
        }
        result.remove(person);
        return List.copyOf(result);
    }

    private RolePause save(SignedInUser by, RolePause.Moved moved) {
        store.save(by.agencyId(), moved);
        trail.written(
                by, moved.pause().person(), moved.pause().id(), moved.step().noted());
        return view(by, moved.pause().id());
    }

    private RolePause find(SignedInUser by, RolePauseId id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.pause", id));
    }
}
