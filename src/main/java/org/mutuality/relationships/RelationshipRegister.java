package org.mutuality.relationships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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
import org.mutuality.relationships.store.Relationships;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relationship register's public API. Who may record what is one rule, {@link
 * AssignmentAuthority}: people declare their own personal relationships (which only ever restrict),
 * the privacy lead records any personal one, and assignments — care, support, supervision, approving
 * time, interviews — are made by a manager or supervisor of the program who is neither of the two
 * people, after the conflict check ({@link RelationshipGuard}): a block refuses, a warning or a call
 * for consultation goes ahead only once acknowledged, or on a consultation about exactly that
 * assignment, which the relationship then names. Both people are told of an assignment. Nothing is
 * deleted: relationships end. Methods never return null.
 */
@Service
public class RelationshipRegister {

    private final Relationships relationships;
    private final Directory directory;
    private final ObjectProvider<RelationshipGuard> guards;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final Notices notices;

    RelationshipRegister(
            Relationships relationships,
            Directory directory,
            ObjectProvider<RelationshipGuard> guards,
            ApplicationEventPublisher events,
            Clock clock,
            AuditLog audit,
            Notices notices) {
        this.audit = audit;
        this.notices = notices;
        this.relationships = relationships;
        this.directory = directory;
        this.guards = guards;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a relationship declared by the signed-in person.
     *
     * @throws NotFoundException when either person is not in the agency
     * @throws ForbiddenException when the person may not record this relationship
     * @throws RelationshipRefused when the guard refuses it
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Relationship declare(SignedInUser by, DeclareRelationship request) {
        return declare(by, request, false);
    }

    /**
     * Records a relationship, the recorder having read and acknowledged any warning or call for
     * consultation the conflict check gave for it.
     *
     * @throws NotFoundException when either person is not in the agency
     * @throws ForbiddenException when {@link AssignmentAuthority} does not let the recorder record it
     * @throws RelationshipRefused when the check blocks it, or warns and {@code acknowledged} is false
     */
    @Transactional(noRollbackFor = ForbiddenException.class) // the refusal's audit entry stays
    public Relationship declare(SignedInUser by, DeclareRelationship request, boolean acknowledged) {
        return declare(by, request, acknowledged, null);
    }

    /**
     * As {@link #declare(SignedInUser, DeclareRelationship, boolean)}, the recorder bringing, in place
     * of the acknowledgement, a consultation they asked about exactly this assignment (its action to
     * the conflict check, person A and person B), answered "go ahead with safeguards": it is used
     * once, for this relationship, which names it ({@link #consultations}). A block is refused
     * whatever is brought.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws NotFoundException when either person is not in the agency, or the consultation is not one
     *     the recorder may read (audited, as a missing one)
     * @throws ConflictException when the consultation was used already, was answered otherwise, or is
     *     about another action or other people
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class})
    public Relationship declare(
            SignedInUser by, DeclareRelationship request, boolean acknowledged, @Nullable UUID consultation) {
        RelationshipSource source =
                request.kind().isAssignment() ? RelationshipSource.ASSIGNMENT : RelationshipSource.DECLARED;
        return insert(by, request, source, true, acknowledged, consultation);
    }

    /**
     * Records a relationship that another module derives from its own record, under that module's
     * rules rather than the register's (for example a peer support assignment accepted by the peer
     * after the coordinator matched them). The guard still vets it.
     *
     * @throws IllegalStateException when the source is {@code DECLARED} (a bug of the caller)
     * @throws RelationshipRefused when the guard refuses it
     */
    @Transactional
    public Relationship derive(SignedInUser by, DeclareRelationship request, RelationshipSource source) {
        if (source == RelationshipSource.DECLARED) {
            throw new IllegalStateException("a derived relationship needs a source other than DECLARED");
        }
        return insert(by, request, source, false, true, null);
    }

    /**
     * As {@link #derive(SignedInUser, DeclareRelationship, RelationshipSource)}, for an assignment
     * another module let go ahead on a consultation it used itself (a participant handed over during a
     * role pause): the relationship names the consultation, which is not used again here.
     */
    @Transactional
    public Relationship derive(
            SignedInUser by, DeclareRelationship request, RelationshipSource source, UUID consultedOn) {
        Relationship derived = derive(by, request, source);
        relationships.consulted(by.agencyId(), derived.id(), consultedOn);
        return derived;
    }

    /**
     * Ends a relationship another module derived, under that module's rules (an assignment closes
     * with its referral, a participant is reassigned during a role pause). Only derived
     * relationships, and support assignments even when recorded by hand, end this way.
     */
    @Transactional
    public Relationship endDerived(SignedInUser by, RelationshipId id, LocalDate endDate) {
        Relationship current = relationships
                .find(by.agencyId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.relationship", id));
        if (current.source() == RelationshipSource.DECLARED && current.kind() != RelationshipKind.SUPPORTS) {
            throw new ForbiddenException("relationship.declaredEndedByParties");
        }
        return ended(by, current, endDate);
    }

    private Relationship insert(
            SignedInUser by,
            DeclareRelationship request,
            RelationshipSource source,
            boolean registerRules,
            boolean acknowledged,
            @Nullable UUID consultation) {
        AgencyId agency = by.agencyId();
        Person a = directory.requirePerson(agency, request.personA());
        Person b = directory.requirePerson(agency, request.personB());
        if (registerRules) {
            Person recorder = directory.requirePerson(agency, by.personId());
            Optional<String> refused =
                    AssignmentAuthority.refusal(recorder, request.kind(), a, b, LocalDate.now(clock));
            if (refused.isPresent()) {
                audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DENIED)
                        .about(request.personB().value(), "RELATIONSHIP", null)
                        .noting("refused " + request.kind()));
                throw new ForbiddenException(refused.get());
            }
        }
        RelationshipId id = RelationshipId.random();
        List<RelationshipGuard.Refusal> cautions = new ArrayList<>();
        for (RelationshipGuard guard : guards) {
            Optional<RelationshipGuard.Refusal> refusal = guard.vet(by, request);
            if (refusal.isPresent() && refusal.get().blocks()) {
                throw new RelationshipRefused(refusal.get());
            }
            refusal.ifPresent(cautions::add);
        }
        // A consultation is used with the relationship it lets through, or not at all (same transaction).
        boolean consulted = consultation != null && consult(by, request, consultation, id);
        if (!cautions.isEmpty() && !acknowledged && !consulted) {
            throw new RelationshipRefused(cautions.get(0));
        }
        Relationship relationship = new Relationship(
                id,
                agency,
                request.kind(),
                request.personA(),
                request.personB(),
                request.startDate(),
                request.endDate(),
                source,
                by.personId(),
                request.visibility() == null ? request.kind().defaultVisibility() : request.visibility(),
                request.note());
        relationships.insert(relationship);
        if (consulted) {
            relationships.consulted(agency, id, consultation);
        }
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(
                        request.personB().value(),
                        "RELATIONSHIP",
                        relationship.id().toString())
                .noting("recorded " + request.kind() + (consulted ? " on consultation " + consultation : "")));
        if (request.kind().isAssignment()) {
            // Both people learn of an assignment: it opens a record or gives oversight.
            String link = "/people/" + request.personB().value() + "/relationships";
            notices.send(agency, request.personA(), NoticeKind.ASSIGNMENT_RECORDED, link);
            notices.send(agency, request.personB(), NoticeKind.ASSIGNMENT_RECORDED, link);
        }
        events.publishEvent(new RelationshipRecorded(agency, relationship.id()));
        return relationship;
    }

    /** Asks the guards to use the consultation for this relationship; none that keeps it reads as missing. */
    private boolean consult(SignedInUser by, DeclareRelationship request, UUID consultation, RelationshipId id) {
        for (RelationshipGuard guard : guards) {
            if (guard.consult(by, request, consultation, id)) {
                return true;
            }
        }
        throw new NotFoundException("notFound.consultation", consultation);
    }

    /**
     * The consultations the relationships of {@code person} that the viewer may see went ahead on, by
     * relationship; those recorded without one are absent. Never a consultation's content: only its id,
     * for a link its own readers may follow.
     */
    @Transactional(readOnly = true)
    public Map<RelationshipId, UUID> consultations(SignedInUser viewer, PersonId person) {
        Set<RelationshipId> visible =
                of(viewer, person).stream().map(Relationship::id).collect(Collectors.toSet());
        Map<RelationshipId, UUID> result = new HashMap<>();
        relationships.consultationsOf(viewer.agencyId(), person).forEach((id, c) -> {
            if (visible.contains(id)) {
                result.put(id, c);
            }
        });
        return result;
    }

    /** The consultation the relationship went ahead on, if any; for one the viewer may see ({@link #visible}). */
    @Transactional(readOnly = true)
    public Optional<UUID> consultation(SignedInUser viewer, RelationshipId id) {
        visible(viewer, id);
        return relationships.consultation(viewer.agencyId(), id);
    }

    /**
     * Adds many relationships of one agency at once, as they are, without the guard; for importing
     * a whole agency whose relationships already exist elsewhere.
     *
     * @throws IllegalStateException when a relationship belongs to another agency (a bug of the caller)
     */
    @Transactional
    public void importAll(AgencyId agency, List<Relationship> imported) {
        for (Relationship r : imported) {
            if (!r.agencyId().equals(agency)) {
                throw new IllegalStateException("relationship " + r.id() + " belongs to another agency");
            }
        }
        relationships.insertAll(imported);
        if (!imported.isEmpty()) {
            events.publishEvent(new RelationshipRecorded(agency, imported.get(0).id()));
        }
    }

    /**
     * Ends a relationship on the given day; its history stays.
     *
     * @throws NotFoundException when it does not exist or the caller may not see it
     * @throws ForbiddenException when the caller may see it but not end it
     * @throws BadInputException when the date is before its start
     * @throws ConflictException when it had already ended by then
     */
    @Transactional
    public Relationship end(SignedInUser by, RelationshipId id, LocalDate endDate) {
        Relationship current = visible(by, id);
        if (!mayEnd(by, current)) {
            throw new ForbiddenException("relationship.mayNotEnd");
        }
        if (current.kind().isAssignment() && endDate.isBefore(LocalDate.now(clock))) {
            // What an assignment opened was open until today: its end is not rewritten into the past.
            throw new BadInputException("relationship.assignmentEndsFromToday");
        }
        return ended(by, current, endDate);
    }

    /**
     * Ending closes access, but ending someone's oversight of oneself would escape it: an assignment
     * is ended by those who may make it or the privacy lead (and support by either person: a
     * participant may stop peer support); a personal relationship by either person or its declarer.
     * Pages show "End" only where this holds.
     */
    public boolean mayEnd(SignedInUser by, Relationship current) {
        RelationshipKind kind = current.kind();
        boolean party = current.involves(by.personId());
        if (by.has(Role.PRIVACY_LEAD) || (kind == RelationshipKind.SUPPORTS && party)) {
            return true;
        }
        if (!kind.isAssignment()) {
            return party || by.personId().equals(current.declaredBy());
        }
        AgencyId agency = by.agencyId();
        return AssignmentAuthority.refusal(
                        directory.requirePerson(agency, by.personId()),
                        kind,
                        directory.requirePerson(agency, current.personA()),
                        directory.requirePerson(agency, current.personB()),
                        LocalDate.now(clock))
                .isEmpty();
    }

    /** Ends the relationship (load, act, save, audit, tell the indexes). */
    private Relationship ended(SignedInUser by, Relationship current, LocalDate on) {
        Relationship ended = current.end(on);
        if (!relationships.end(by.agencyId(), ended, by.personId())) {
            throw new ConflictException("relationship.changedMeanwhile");
        }
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(ended.personB().value(), "RELATIONSHIP", ended.id().toString())
                .noting("ended"));
        events.publishEvent(new RelationshipRecorded(by.agencyId(), ended.id()));
        return ended;
    }

    /** The relationship, if the viewer may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Relationship visible(SignedInUser viewer, RelationshipId id) {
        Relationship found = relationships
                .find(viewer.agencyId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.relationship", id));
        if (!found.visibleTo(viewer)) {
            // Reads like a missing one, but the audit records the refused look at person B's register.
            throw NotFoundException.hiding(
                    "notFound.relationship", id, found.personB().value());
        }
        return found;
    }

    /** Relationships on one page of a person's register, unless the reader asks for another number. */
    public static final int PAGE = 50;

    /**
     * As {@link #page}, for showing the person's register: the read of each page is audited.
     *
     * @throws NotFoundException when the person is not in the agency, or the viewer may not see them
     */
    @Transactional
    public Page<Relationship> read(
            SignedInUser viewer, PersonId person, @Nullable RelationshipCursor after, int limit) {
        Page<Relationship> page = page(viewer, person, after, limit);
        audit.recordRead(AuditEvent.by(viewer, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(person.value(), "RELATIONSHIPS", null)
                .because("REGISTER", "VISIBLE_TO_READER"));
        return page;
    }

    /**
     * A page of the relationships of a person that the viewer may see, current and ended, newest
     * first by when they were declared, after {@code after} (the newest when null), at most {@code
     * limit}. A cursor opens nothing: the person is checked and the relationships the viewer may not
     * see are left out on every page, before the page is cut.
     *
     * @throws NotFoundException when the person is not in the agency, or the viewer may not see them
     */
    @Transactional(readOnly = true)
    public Page<Relationship> page(
            SignedInUser viewer, PersonId person, @Nullable RelationshipCursor after, int limit) {
        directory.visibleTo(viewer, person);
        return relationships.page(viewer.agencyId(), person, viewer, after, limit);
    }

    /**
     * The consultations that the shown relationships of {@code person} went ahead on, by
     * relationship, for those the viewer may see ({@link #consultations(SignedInUser, PersonId)} for a
     * page, without reading the whole register again).
     */
    @Transactional(readOnly = true)
    public Map<RelationshipId, UUID> consultations(SignedInUser viewer, PersonId person, List<Relationship> shown) {
        Set<RelationshipId> visible = shown.stream()
                .filter(r -> r.involves(person) && r.visibleTo(viewer))
                .map(Relationship::id)
                .collect(Collectors.toSet());
        Map<RelationshipId, UUID> result = new HashMap<>();
        if (visible.isEmpty()) {
            return result;
        }
        relationships.consultationsOf(viewer.agencyId(), person).forEach((id, c) -> {
            if (visible.contains(id)) {
                result.put(id, c);
            }
        });
        return result;
    }

    /**
     * The relationships of a person that the viewer may see, current and ended.
     *
     * @throws NotFoundException when the person is not in the agency, or the viewer may not see them
     *     (it reads the same: an empty list would tell that they exist)
     */
    @Transactional(readOnly = true)
    public List<Relationship> of(SignedInUser viewer, PersonId person) {
        directory.visibleTo(viewer, person);
        return relationships.of(viewer.agencyId(), person).stream()
                .filter(r -> r.visibleTo(viewer))
                .toList();
    }

    /** Every current relationship of the agency, for in-memory indexes; not for display. */
    @Transactional(readOnly = true)
    public List<Relationship> currentIn(AgencyId agency) {
        return relationships.current(agency, LocalDate.now(clock));
    }

    /** The current relationships of one person, whoever may see them; for modules, not for display. */
    @Transactional(readOnly = true)
    public List<Relationship> currentOf(AgencyId agency, PersonId person) {
        LocalDate today = LocalDate.now(clock);
        return relationships.of(agency, person).stream()
                .filter(r -> r.activeOn(today))
                .toList();
    }
}
