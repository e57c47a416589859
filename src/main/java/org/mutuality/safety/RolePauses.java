package org.mutuality.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
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
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.support.Pauses;
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
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final Concerns concerns;
    private final org.mutuality.contact.Contact contact;
    private final Clock clock;

    RolePauses(
            PauseStore store,
            AccessGuard guard,
            AuditLog audit,
            Directory directory,
            ConflictCheck conflicts,
            RelationshipRegister relationships,
            Notices notices,
            Concerns concerns,
            org.mutuality.contact.Contact contact,
            Clock clock) {
        this.contact = contact;
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.directory = directory;
        this.conflicts = conflicts;
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
     * Pauses part of someone's role.
     *
     * @throws ForbiddenException unless the caller handles concerns (privacy lead, manager, supervisor)
     * @throws ConflictException when the conflict check blocks the caller, or a pause is already active
     * @throws IllegalArgumentException when no scope is chosen, the reason is empty or too long, the
     *     return date is in the past, or there are more than 20 steps
     */
    @Transactional
    public RolePause pause(
            SignedInUser by,
            PersonId person,
            Set<Pauses.Scope> scopes,
            String reason,
            @Nullable LocalDate returnOn,
            List<String> steps,
            boolean acknowledged) {
        if (!concerns.isHandler(by) || by.personId().equals(person)) {
            throw new ForbiddenException("The privacy lead, a manager or a supervisor pauses a role, never their own.");
        }
        Person p = directory.requirePerson(by.agencyId(), person);
        LocalDate today = LocalDate.now(clock);
        if (!p.isStaffOn(today)) {
            throw new IllegalArgumentException("personId must be a member of staff or a volunteer");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(
                    "choose what is paused: CONTACT_WITH_PARTICIPANTS, LEADING_GROUPS or both");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 5 || why.length() > 2000) {
            throw new IllegalArgumentException("reason must be 5 to 2000 characters, was " + why.length());
        }
        if (returnOn != null && returnOn.isBefore(today)) {
            throw new IllegalArgumentException("returnOn must not be in the past, was " + returnOn);
        }
        List<String> plan = new ArrayList<>();
        for (String s : steps) {
            String t = s == null ? "" : s.strip();
            if (t.length() > 500) {
                throw new IllegalArgumentException("each step must be at most 500 characters");
            }
            if (!t.isEmpty()) {
                plan.add(t);
            }
        }
        if (plan.size() > 20) {
            throw new IllegalArgumentException("at most 20 steps, was " + plan.size());
        }
        if (!store.activeScopes(by.agencyId(), person).isEmpty()) {
            throw new ConflictException("This person already has a pause in force; change its plan or end it first.");
        }
        Checks.requireMayHandle(
                conflicts.check(by, Action.REVIEW_PERFORMANCE, by.personId(), person), acknowledged, "pause");
        UUID id =
                store.insert(by.agencyId(), person, scopes, why, by.personId(), today, returnOn, plan, clock.instant());
        written(by, person, id, "role paused " + scopes);
        if (scopes.contains(Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
            contact.reroute(by, person);
        }
        notices.send(by.agencyId(), person, NoticeKind.ROLE_PAUSED, "/pauses/" + id);
        for (PersonId p2 : mustKnow(by.agencyId(), person)) {
            if (!p2.equals(by.personId())) {
                notices.send(by.agencyId(), p2, NoticeKind.ROLE_PAUSE_TO_KNOW, "/pauses/" + id);
            }
        }
        return view(by, id);
    }

    /** The pauses the reader may read: their own, those they made, and for the privacy lead or a supervisor, those they must know. */
    @Transactional
    public List<RolePause> visibleTo(SignedInUser reader) {
        List<RolePause> shown = new ArrayList<>();
        for (RolePause p : store.all(reader.agencyId())) {
            String party = party(reader, p);
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
    public RolePause view(SignedInUser reader, UUID id) {
        RolePause p = find(reader, id);
        if (!read(reader, p, party(reader, p))) {
            throw new ForbiddenException("Only the person and the people who must know read this.");
        }
        return p;
    }

    /** The person's own note about why and how they are doing; private to those who must know. */
    @Transactional
    public RolePause note(SignedInUser person, UUID id, String text) {
        RolePause p = find(person, id);
        if (!p.person().equals(person.personId())) {
            throw new ForbiddenException("Only the person writes their own note.");
        }
        String t = text == null ? "" : text.strip();
        if (t.length() > 4000) {
            throw new IllegalArgumentException("note must be at most 4000 characters, was " + t.length());
        }
        store.setNote(person.agencyId(), id, t);
        written(person, p.person(), id, "own note");
        return view(person, id);
    }

    /** Marks a step of the return plan done; by the person, whoever paused them, or the privacy lead. */
    @Transactional
    public RolePause stepDone(SignedInUser by, UUID id, UUID step) {
        RolePause p = find(by, id);
        requireManages(by, p, true);
        if (!store.stepDone(by.agencyId(), id, step, LocalDate.now(clock))) {
            throw new ConflictException("That step is already done, or not part of this plan.");
        }
        written(by, p.person(), id, "return step done");
        return view(by, id);
    }

    /** Ends the pause: the role is restored. By whoever paused the person, or the privacy lead. */
    @Transactional
    public RolePause returnToRole(SignedInUser by, UUID id) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        if (!p.active()) {
            throw new ConflictException("This person already returned on " + p.returnedOn() + ".");
        }
        if (!store.returned(by.agencyId(), id, p.version(), LocalDate.now(clock))) {
            throw new ConflictException("Someone else changed this pause meanwhile; reload and try again.");
        }
        written(by, p.person(), id, "role restored");
        notices.send(by.agencyId(), p.person(), NoticeKind.ROLE_RESTORED, "/pauses/" + id);
        return view(by, id);
    }

    /** The participants the paused person supports today, to reassign. */
    @Transactional(readOnly = true)
    public List<Person> participantsOf(SignedInUser by, UUID id) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        List<Person> result = new ArrayList<>();
        for (Relationship r : relationships.currentOf(by.agencyId(), p.person())) {
            if (r.kind() == RelationshipKind.SUPPORTS && r.personA().equals(p.person())) {
                directory.person(by.agencyId(), r.personB()).ifPresent(result::add);
            }
        }
        result.sort(Comparator.comparing(Person::displayName));
        return result;
    }

    /** Peer workers who could take a participant over: not paused, not blocked by the conflict check. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(SignedInUser by, UUID id, PersonId participant) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        LocalDate today = LocalDate.now(clock);
        List<Candidate> result = new ArrayList<>();
        for (Person peer : directory.everyone(by.agencyId())) {
            if (!peer.active()
                    || peer.id().equals(p.person())
                    || peer.id().equals(participant)
                    || peer.activeRoles(today).stream().noneMatch(Role::isPeer)
                    || paused(by.agencyId(), peer.id(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
                continue;
            }
            ConflictDecision d = conflicts.check(by, Action.ASSIGN_SUPPORT, peer.id(), participant);
            if (d.decision() != Decision.BLOCK) {
                result.add(new Candidate(
                        peer.id(),
                        peer.displayName(),
                        d.decision(),
                        d.reasons().stream()
                                .filter(r -> r.decision() != Decision.ALLOW)
                                .map(ConflictDecision.Reason::explanation)
                                .distinct()
                                .toList()));
            }
        }
        result.sort(Comparator.comparing(Candidate::decision).thenComparing(Candidate::name));
        return result;
    }

    /** A peer worker who could take a participant over, with what the conflict check said. */
    public record Candidate(PersonId peer, String name, Decision decision, List<String> reasons) {}

    /**
     * Moves one participant from the paused person to another peer worker: the old assignment ends
     * today (its history stays), the new one is vetted by the conflict check.
     */
    @Transactional
    public void reassign(SignedInUser by, UUID id, PersonId participant, PersonId newPeer, boolean acknowledged) {
        RolePause p = find(by, id);
        requireManages(by, p, false);
        Relationship current = relationships.currentOf(by.agencyId(), p.person()).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPPORTS
                        && r.personA().equals(p.person())
                        && r.personB().equals(participant))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("assignment", participant));
        if (candidates(by, id, participant).stream().noneMatch(c -> c.peer().equals(newPeer))) {
            throw new ConflictException(
                    "That peer worker cannot take this participant over (paused, blocked or not a peer worker).");
        }
        Checks.requireMayHandle(
                conflicts.check(by, Action.ASSIGN_SUPPORT, newPeer, participant), acknowledged, "participant");
        LocalDate today = LocalDate.now(clock);
        relationships.endDerived(by, current.id(), today);
        try {
            relationships.derive(
                    by,
                    new DeclareRelationship(RelationshipKind.SUPPORTS, newPeer, participant, today, null, null, null),
                    RelationshipSource.ASSIGNMENT);
        } catch (RelationshipRefused refused) {
            throw new ConflictException("This pairing is not possible: "
                    + String.join(" ", refused.refusal().explanations()));
        }
        notices.send(
                by.agencyId(),
                newPeer,
                NoticeKind.PARTICIPANT_REASSIGNED_TO_YOU,
                "/support/participants/" + participant);
        written(by, p.person(), id, "participant reassigned");
    }

    /** Whether the reader may act on the pause: whoever made it or the privacy lead (and the person, for steps). */
    private void requireManages(SignedInUser by, RolePause p, boolean personToo) {
        boolean manages = by.personId().equals(p.pausedBy()) || by.isPrivacyLead();
        if (!manages && !(personToo && by.personId().equals(p.person()))) {
            throw new ForbiddenException("Whoever paused the role, or the privacy lead, does this.");
        }
    }

    private @Nullable String party(SignedInUser reader, RolePause p) {
        if (reader.personId().equals(p.person())) {
            return "SELF";
        }
        if (reader.personId().equals(p.pausedBy())) {
            return "PAUSED_BY";
        }
        if (reader.isPrivacyLead()) {
            return "PRIVACY_LEAD";
        }
        return mustKnow(reader.agencyId(), p.person()).contains(reader.personId()) ? "SUPERVISOR" : null;
    }

    private boolean read(SignedInUser reader, RolePause p, @Nullable String party) {
        if (reader.personId().equals(p.person())) {
            return true;
        }
        AccessDecision decision = party == null
                ? guard.decide(reader, p.person(), RecordKind.SAFETY_RECORDS, Purpose.SAFETY)
                : guard.decide(reader, p.person(), RecordKind.SAFETY_RECORDS, Purpose.SAFETY, party);
        String basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        audit.recordRead(AuditEvent.by(reader, "READ", basis == null ? "DENIED" : "ALLOWED")
                .about(p.person().value(), RecordKind.SAFETY_RECORDS.name(), p.id().toString())
                .because(Purpose.SAFETY.name(), basis));
        return basis != null;
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

    private void written(SignedInUser by, PersonId person, UUID id, String what) {
        audit.record(AuditEvent.by(by, "WRITE", "DONE")
                .about(person.value(), RecordKind.SAFETY_RECORDS.name(), id.toString())
                .noting(what));
    }

    private RolePause find(SignedInUser by, UUID id) {
        return store.find(by.agencyId(), id).orElseThrow(() -> new NotFoundException("pause", id));
    }
}
