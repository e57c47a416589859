package org.mutuality.relationships;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.store.BoundaryStore;
import org.mutuality.relationships.store.Relationships;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boundary plans (S12) and invitations to reflect (S7). Every staff member may keep a plan, the same
 * for peer workers and everyone else (S13); only its author reads or changes it. When logged work
 * passes one of the author's own limits, the module that logs it calls {@link #invite}: the author
 * is told, and their supervisor too only if the author chose so. The supervisor learns that an
 * invitation was made and on which kind of limit, never the participant, and reads a reflection
 * only if the author shares it. Nothing is counted, scored or ranked.
 */
@Service
public class BoundaryPlans {

    private final BoundaryStore store;
    private final Relationships relationships;
    private final Directory directory;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    BoundaryPlans(
            BoundaryStore store,
            Relationships relationships,
            Directory directory,
            Notices notices,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.relationships = relationships;
        this.directory = directory;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The signed-in person's own plan, empty until they write it. */
    @Transactional(readOnly = true)
    public BoundaryPlan mine(SignedInUser user) {
        requireStaff(user);
        return store.plan(user.agencyId(), user.personId()).orElse(BoundaryPlan.empty(user.personId()));
    }

    /**
     * Saves the signed-in person's own plan; nobody writes anyone else's.
     *
     * @throws ForbiddenException when the plan is someone else's or the person is not staff
     */
    @Transactional
    public BoundaryPlan save(SignedInUser user, BoundaryPlan plan) {
        requireStaff(user);
        if (!plan.person().equals(user.personId())) {
            throw new ForbiddenException("boundary.ownPlanOnly");
        }
        store.save(user.agencyId(), plan, clock.instant());
        audit.record(AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                .about(user.personId().value(), "BOUNDARY_PLAN", null)
                .noting("boundary plan"));
        return mine(user);
    }

    /** A person's plan, for the module that compares logged work with it; not for display. */
    @Transactional(readOnly = true)
    public Optional<BoundaryPlan> planOf(AgencyId agency, PersonId person) {
        return store.plan(agency, person);
    }

    /**
     * Invites the person to reflect, once per limit, participant and period ({@code periodKey}, such
     * as {@code 2026-11}). The detail must not name the participant: the supervisor may see it.
     *
     * @return whether a new invitation was made
     */
    @Transactional
    public boolean invite(
            AgencyId agency,
            PersonId person,
            BoundaryLimit limit,
            PersonId participant,
            String periodKey,
            String detail) {
        BoundaryPlan plan = store.plan(agency, person).orElse(BoundaryPlan.empty(person));
        Optional<InvitationId> made;
        try {
            // In a savepoint: two contacts recorded at once past the same limit both find no
            // invitation and both insert one. The second insert clashes with the first; without the
            // savepoint its failure would undo the contact that called it (a 409 for a contact that
            // broke no rule: load/scripts/faults.sh met it with two clients recording contacts).
            made = savepoint.execute(status -> store.invite(
                    agency,
                    person,
                    limit,
                    participant,
                    periodKey,
                    detail,
                    plan.shareWithSupervisor(),
                    clock.instant()));
        } catch (DuplicateKeyException madeMeanwhile) {
            return false;
        }
        if (made == null || made.isEmpty()) {
            return false;
        }
        notices.send(agency, person, NoticeKind.REFLECTION_INVITED, "/boundaries");
        if (plan.shareWithSupervisor()) {
            for (PersonId supervisor : supervisorsOf(agency, person)) {
                notices.send(agency, supervisor, NoticeKind.REFLECTION_SHARED, "/boundaries/shared");
            }
        }
        return true;
    }

    /**
     * For the parity report: who keeps a plan, and for each person how many invitations they had
     * and how many of those their supervisor was told of (by their own choice). Counts only.
     */
    @Transactional(readOnly = true)
    public Usage usage(AgencyId agency) {
        return store.usage(agency);
    }

    /** Counts of plans and invitations by person. */
    public record Usage(
            java.util.Set<PersonId> withPlan,
            java.util.Map<PersonId, Integer> invitations,
            java.util.Map<PersonId, Integer> toldSupervisor) {}

    /** The signed-in person's invitations, newest first. */
    @Transactional(readOnly = true)
    public List<ReflectionInvitation> invitations(SignedInUser user) {
        return store.invitationsOf(user.agencyId(), user.personId());
    }

    /**
     * Writes the person's own reflection on an invitation, and whether their supervisor may read it.
     *
     * @throws BadInputException when the text is over 4,000 characters
     * @throws NotFoundException when the invitation is not theirs
     */
    @Transactional
    public void reflect(SignedInUser user, InvitationId invitation, @Nullable String text, boolean share) {
        String reflection = Objects.requireNonNullElse(Text.optional("reflection", text, Text.Limit.BODY), "");
        if (!store.reflect(user.agencyId(), user.personId(), invitation, reflection, share, clock.instant())) {
            throw new NotFoundException("notFound.invitation", invitation);
        }
    }

    /**
     * The invitations to reflect the person chose to share with their supervisor, made on or after
     * {@code since}, oldest first, as the supervisor sees them (never the participant, the reflection
     * only if shared): for a supervision agenda, which keeps their ids and dates only.
     */
    @Transactional(readOnly = true)
    public List<ReflectionInvitation> sharedForSupervision(AgencyId agency, PersonId person, LocalDate since) {
        List<ReflectionInvitation> shown = new ArrayList<>();
        for (ReflectionInvitation i : store.sharedBy(agency, List.of(person))) {
            if (!LocalDate.ofInstant(i.createdAt(), clock.getZone()).isBefore(since)) {
                shown.add(0, i.asTheSupervisorSeesIt());
            }
        }
        return shown;
    }

    /**
     * The invitations the people the reader supervises chose to share, each read audited. A
     * reflection's text shows only if its author shared it; the participant is never shown.
     */
    @Transactional
    public List<ReflectionInvitation> sharedWithMe(SignedInUser supervisor) {
        List<PersonId> supervised = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Relationship r : relationships.of(supervisor.agencyId(), supervisor.personId())) {
            if (r.kind() == RelationshipKind.SUPERVISES
                    && r.personA().equals(supervisor.personId())
                    && r.activeOn(today)) {
                supervised.add(r.personB());
            }
        }
        List<ReflectionInvitation> shown = new ArrayList<>();
        for (ReflectionInvitation i : store.sharedBy(supervisor.agencyId(), supervised)) {
            audit.recordRead(AuditEvent.by(supervisor, AuditAction.READ, AuditOutcome.ALLOWED)
                    .about(i.person().value(), "BOUNDARY_REFLECTION", i.id().toString())
                    .because("SUPERVISION", "SHARED_BY_PERSON"));
            shown.add(i.asTheSupervisorSeesIt());
        }
        return shown;
    }

    private List<PersonId> supervisorsOf(AgencyId agency, PersonId person) {
        LocalDate today = LocalDate.now(clock);
        return relationships.of(agency, person).stream()
                .filter(r ->
                        r.kind() == RelationshipKind.SUPERVISES && r.personB().equals(person) && r.activeOn(today))
                .map(Relationship::personA)
                .distinct()
                .toList();
    }

    private void requireStaff(SignedInUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("boundary.staffOnly");
        }
        directory.requirePerson(user.agencyId(), user.personId());
    }
}
