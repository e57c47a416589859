package org.mutuality.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.store.Grants;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-the-glass: a member of staff with no basis opens one kind of a person's record in an urgent
 * situation, for a limited time (30 minutes unless configured otherwise). They pick a reason and say
 * what is happening in their own words. In the same transaction the use is audited and the person
 * and every privacy lead are told; the privacy lead then reviews the use as justified or not.
 */
@Service
public class BreakGlass {

    /** Where the person sees who looked at their record; where the privacy lead reviews uses. */
    public static final String ACCESS_LOG_PAGE = "/me/access-log";

    public static final String REVIEW_PAGE = "/access/break-glass";

    private final Grants grants;
    private final AccessGuard guard;
    private final Directory directory;
    private final AuditLog audit;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;

    BreakGlass(
            Grants grants,
            AccessGuard guard,
            Directory directory,
            AuditLog audit,
            Notices notices,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${mutuality.access.break-glass-duration:30m}") Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalStateException(
                    "mutuality.access.break-glass-duration must be between 1 second and 12 hours, was " + lifetime);
        }
        this.grants = grants;
        this.guard = guard;
        this.directory = directory;
        this.audit = audit;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Opens the record for the reader until the grant expires.
     *
     * @throws BadInputException when the kind or the reason is missing, or the detail is shorter than
     *     10 or longer than 1,000 characters
     * @throws NotFoundException when the person is not in the reader's agency, or the reader is not
     *     staff and asks about someone else (whom they may not see: it reads as a missing person)
     * @throws ForbiddenException when the reader is not staff, or the person withheld the record from
     *     them and the reason is not a risk of serious harm (the refusal is audited)
     * @throws ConflictException when the reader already has a basis (their own record included)
     */
    @Transactional
    public BreakGlassGrant open(
            SignedInUser reader,
            PersonId subject,
            @Nullable RecordKind kind,
            @Nullable BreakGlassReason reason,
            @Nullable String detail) {
        if (kind == null || reason == null) {
            throw new BadInputException("breakGlass.chooseReason");
        }
        if (kind.neverInEmergency()) {
            // No emergency opens a worker's reflective journal, work plan or wellness plan (ADR 0018, 0025).
            throw new BadInputException("breakGlass.notJournal");
        }
        directory.requirePerson(reader.agencyId(), subject);
        if (!reader.isStaff()) {
            throw reader.refusalAbout(subject, "breakGlass.staffOnly");
        }
        Purpose purpose = kind.usualPurpose();
        boolean withheld = guard.withholds(reader.agencyId(), reader.personId(), subject, kind, purpose);
        BreakGlassGrant grant = BreakGlassGrant.open(
                reader.personId(), subject, kind, reason, detail, withheld, clock.instant(), lifetime);
        if (guard.decide(reader, subject, kind, purpose) instanceof AccessDecision.Granted granted) {
            throw new ConflictException("breakGlass.notNeeded", granted.basis());
        }
        if (withheld && !reason.overridesLockbox()) {
            audit.record(AuditEvent.by(reader, AuditAction.BREAK_GLASS, AuditOutcome.DENIED)
                    .about(subject.value(), kind.name(), null)
                    .because(reason.name(), null)
                    .noting("withheld by the person"));
            throw new ForbiddenException("breakGlass.withheld");
        }
        grants.insert(reader.agencyId(), grant);
        audit.record(AuditEvent.by(reader, AuditAction.BREAK_GLASS, AuditOutcome.GRANTED)
                .about(subject.value(), kind.name(), grant.id().toString())
                .because(reason, Basis.BREAK_GLASS)
                .noting(withheld ? "consent directive set aside" : null));
        notices.send(reader.agencyId(), subject, NoticeKind.BREAK_GLASS_ON_YOUR_RECORD, ACCESS_LOG_PAGE);
        notices.sendToPrivacyLeads(reader.agencyId(), NoticeKind.BREAK_GLASS_TO_REVIEW, REVIEW_PAGE);
        events.publishEvent(new AccessChanged(reader.agencyId()));
        return grant;
    }

    /** The reader's own uses, newest first, so they see when theirs expire. */
    @Transactional(readOnly = true)
    public List<BreakGlassGrant> mine(SignedInUser reader) {
        return grants.byReader(reader.agencyId(), reader.personId(), 50);
    }

    /**
     * The review queue, newest first: only uses waiting for review when {@code pendingOnly}.
     *
     * @throws ForbiddenException unless the viewer is the privacy lead
     */
    @Transactional
    public List<BreakGlassGrant> queue(SignedInUser viewer, boolean pendingOnly) {
        requirePrivacyLead(viewer);
        audit.recordRead(AuditEvent.by(viewer, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(null, "BREAK_GLASS_QUEUE", null)
                .because("PRIVACY_REVIEW", "PRIVACY_LEAD"));
        return grants.list(viewer.agencyId(), pendingOnly, 500);
    }

    /**
     * How many uses wait for the privacy lead's review, for their home screen; 0 for anyone else. A
     * count, not a read of any use.
     */
    @Transactional(readOnly = true)
    public int waitingForReview(SignedInUser viewer) {
        return viewer.isPrivacyLead()
                ? grants.list(viewer.agencyId(), true, 500).size()
                : 0;
    }

    /**
     * Records the privacy lead's judgement of one use (see {@link BreakGlassGrant#review}).
     *
     * @throws BadInputException when the outcome is missing
     * @throws ForbiddenException unless the reviewer is the privacy lead
     * @throws NotFoundException when there is no such use in the reviewer's agency
     */
    @Transactional
    public BreakGlassGrant review(
            SignedInUser reviewer,
            BreakGlassGrantId id,
            BreakGlassGrant.@Nullable Outcome outcome,
            @Nullable String note) {
        return review(reviewer, id, outcome, note, true);
    }

    /**
     * As {@link #review(SignedInUser, BreakGlassGrantId, BreakGlassGrant.Outcome, String)}, from a
     * page that asks for a tick first: whoever may not review is refused as before; the privacy lead
     * is asked for the tick.
     *
     * @throws BadInputException ({@code form.confirmFirst}) when the tick is missing
     */
    @Transactional
    public BreakGlassGrant review(
            SignedInUser reviewer,
            BreakGlassGrantId id,
            BreakGlassGrant.@Nullable Outcome outcome,
            @Nullable String note,
            boolean ticked) {
        requirePrivacyLead(reviewer);
        if (outcome == null) {
            throw new BadInputException("breakGlass.chooseOutcome");
        }
        if (!ticked) {
            throw new BadInputException("form.confirmFirst");
        }
        BreakGlassGrant grant = grants.find(reviewer.agencyId(), id)
                .orElseThrow(() -> new NotFoundException("notFound.breakTheGlassUse", id));
        BreakGlassGrant reviewed = grant.review(reviewer.personId(), outcome, note, clock.instant());
        if (!grants.review(reviewer.agencyId(), reviewed)) {
            throw new ConflictException("breakGlass.reviewedMeanwhile");
        }
        audit.record(AuditEvent.by(
                        reviewer,
                        AuditAction.REVIEW_BREAK_GLASS,
                        outcome == BreakGlassGrant.Outcome.JUSTIFIED
                                ? AuditOutcome.JUSTIFIED
                                : AuditOutcome.NOT_JUSTIFIED)
                .about(grant.subject().value(), grant.kind().name(), id.toString())
                .because("PRIVACY_REVIEW", "PRIVACY_LEAD"));
        return reviewed;
    }

    private static void requirePrivacyLead(SignedInUser user) {
        if (!user.isPrivacyLead()) {
            throw new ForbiddenException("breakGlass.privacyLeadOnly");
        }
    }
}
