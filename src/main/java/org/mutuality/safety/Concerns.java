package org.mutuality.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Clearances;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.safety.store.ConcernPseudonyms;
import org.mutuality.safety.store.ConcernStore;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.GuardedPages;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concerns from participants about a staff member's conduct (S5). Anyone may raise one, named or
 * anonymously. It reaches the privacy lead, managers and supervisors, never the person it is about;
 * one of them takes it after the conflict check ({@code INVESTIGATE_INCIDENT}) and answers, and the
 * person who raised it reads the answer. The same rules for every staff member, peer or not (S13).
 * Every read asks the guard with the reader's part in the concern and is audited.
 *
 * <p>An anonymous concern stays anonymous (ADR 0007): the concern does not name who raised it; their
 * own acts on it (raising, reading, closing) are audited under a pseudonym, so the person it is about
 * never finds them in their access log; the link from pseudonym to person is sealed in {@link
 * ConcernPseudonyms} and opened only by {@link #raiserOf}.
 */
@Service
public class Concerns {

    /** How many concerns a page shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    static final List<Role> HANDLERS = List.of(Role.PRIVACY_LEAD, Role.MANAGER, Role.SUPERVISOR);

    private static final Basis RAISED_BY = Basis.RAISED_BY;
    private static final Basis HANDLER = Basis.CONCERN_HANDLER;

    private final ConcernStore store;
    private final ConcernPseudonyms pseudonyms;
    private final SafetyTrail trail;
    private final AuditLog audit;
    private final Directory directory;
    private final RelationshipRegister relationships;
    private final ConflictCheck conflicts;
    private final Notices notices;
    private final Clearances clearances;
    private final Clock clock;

    Concerns(
            ConcernStore store,
            ConcernPseudonyms pseudonyms,
            SafetyTrail trail,
            AuditLog audit,
            Directory directory,
            RelationshipRegister relationships,
            ConflictCheck conflicts,
            Notices notices,
            Clearances clearances,
            Clock clock) {
        this.clearances = clearances;
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.trail = trail;
        this.audit = audit;
        this.directory = directory;
        this.relationships = relationships;
        this.conflicts = conflicts;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Raises a concern, about a staff member or about the program in general ({@code about} null).
     *
     * @throws BadInputException when the text is under 10 or over 4,000 characters, or the person
     *     named is not staff, or is the person raising it
     */
    @Transactional
    public Concern raise(SignedInUser by, @Nullable PersonId about, String text, boolean anonymous) {
        Concern c = Concern.raise(by.personId(), about, text, anonymous, clock.instant());
        if (about != null && !directory.requirePerson(by.agencyId(), about).isStaffOn(LocalDate.now(clock))) {
            throw new BadInputException("safety.notStaff", Explanation.field("aboutId"));
        }
        store.insert(by.agencyId(), c);
        Actor actor = anonymous
                ? new AnonymousRaiser(
                        by.agencyId(), pseudonyms.create(by.agencyId(), c.id(), by.personId(), c.createdAt()))
                : by;
        trail.written(actor, about, c.id(), anonymous ? "concern raised anonymously" : "concern raised");
        List<PersonId> except = about == null ? List.of(by.personId()) : List.of(by.personId(), about);
        for (PersonId handler : handlers(by.agencyId(), except)) {
            notices.send(by.agencyId(), handler, NoticeKind.CONCERN_RAISED, "/concerns/" + c.id());
        }
        return forReader(by, c);
    }

    /**
     * A page of the concerns the signed-in person raised, named or anonymously, newest first after
     * {@code after}, with their answers. Each one listed is an audited read; one the guard refuses is
     * left out before the page is cut (see {@link GuardedPages}).
     */
    @Transactional
    public Page<Concern> mine(SignedInUser user, @Nullable ConcernCursor after, int limit) {
        return GuardedPages.walk(
                after,
                limit,
                (from, fetch) -> store.raisedBy(user.agencyId(), user.personId(), from, fetch),
                ConcernCursor::after,
                ConcernCursor::cursor,
                c -> guarded(user, c, RAISED_BY));
    }

    /**
     * A page of the concerns the signed-in person may handle (open ones unless {@code all}), newest
     * first after {@code after}: never one about themselves; who raised an anonymous one is hidden.
     * Each one listed is an audited read; one the guard refuses is left out before the page is cut.
     *
     * @throws ForbiddenException unless the person is a privacy lead, manager or supervisor
     */
    @Transactional
    public Page<Concern> toHandle(SignedInUser user, boolean all, @Nullable ConcernCursor after, int limit) {
        requireHandler(user);
        return GuardedPages.walk(
                after,
                limit,
                (from, fetch) -> store.toHandle(user.agencyId(), !all, user.personId(), from, fetch),
                ConcernCursor::after,
                ConcernCursor::cursor,
                c -> guarded(user, c, HANDLER));
    }

    /** The staff who support or treat the person now: those they are most likely to raise a concern about. */
    @Transactional(readOnly = true)
    public List<Person> workersOf(SignedInUser user) {
        LocalDate today = LocalDate.now(clock);
        return relationships.currentOf(user.agencyId(), user.personId()).stream()
                .filter(r -> (r.kind() == RelationshipKind.SUPPORTS || r.kind() == RelationshipKind.TREATS)
                        && r.personB().equals(user.personId())
                        && r.activeOn(today))
                .flatMap(r -> directory.person(user.agencyId(), r.personA()).stream())
                .toList();
    }

    /**
     * One concern, for the person who raised it or someone who may handle it (never the person it is
     * about).
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Concern view(SignedInUser user, ConcernId id) {
        Concern c = find(user, id);
        if (!read(user, c, party(user, c))) {
            throw new ForbiddenException("concern.readRefused");
        }
        return forReader(user, c);
    }

    /**
     * Takes a concern to handle it, after the conflict check between the handler and the person it
     * is about ({@code INVESTIGATE_INCIDENT}): a block refuses; a warning or a call for consultation
     * needs {@code acknowledged}, or a consultation the handler asked about exactly this, used once,
     * with this step, and named by the concern.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws ForbiddenException unless the caller handles concerns and it is not about them
     * @throws NotFoundException when the consultation is not one the handler asked (audited)
     * @throws ConflictException when the consultation does not clear exactly this
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Concern take(SignedInUser handler, ConcernId id, boolean acknowledged, @Nullable UUID consultation) {
        Concern c = find(handler, id);
        if (!HANDLER.equals(party(handler, c))) {
            throw new ForbiddenException("concern.takeRefused");
        }
        ConflictDecision decision = ConflictDecision.strictest(
                c.about() == null
                        ? List.of()
                        : List.of(
                                conflicts.check(handler, Action.INVESTIGATE_INCIDENT, handler.personId(), c.about())));
        GoAhead goAhead = clearances.resolve(
                handler,
                acknowledged,
                consultation,
                decision,
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.CONCERN, id.value()));
        save(handler, c.take(handler.personId(), decision, goAhead, clock.instant()));
        return view(handler, id);
    }

    /**
     * Answers the concern; the person who raised it is told and reads the answer.
     *
     * @throws ForbiddenException unless the caller took it
     * @throws BadInputException when the answer is under 10 or over 4,000 characters
     */
    @Transactional
    public Concern answer(SignedInUser handler, ConcernId id, String answer) {
        Concern c = find(handler, id);
        if (!handler.personId().equals(c.handler())) {
            throw new ForbiddenException("concern.answerRefused");
        }
        save(handler, c.answer(answer, clock.instant()));
        // The link is read here only to address the notice: no one is shown who it went to.
        PersonId raiser =
                c.anonymous() ? pseudonyms.unseal(handler.agencyId(), id).orElse(null) : c.raisedBy();
        if (raiser != null) {
            notices.send(handler.agencyId(), raiser, NoticeKind.CONCERN_ANSWERED, "/concerns/" + id);
        }
        return view(handler, id);
    }

    /**
     * Closes the concern: by the person who raised it, or by its handler once answered.
     *
     * @throws ForbiddenException for anyone else
     */
    @Transactional
    public Concern close(SignedInUser user, ConcernId id) {
        Concern c = find(user, id);
        Optional<Actor> raiser = asRaiser(user, c);
        if (raiser.isEmpty() && !user.personId().equals(c.handler())) {
            throw new ForbiddenException("concern.closeRefused");
        }
        Concern.Moved closed = c.close(raiser.isPresent(), clock.instant());
        save(raiser.orElse(user), closed);
        return forReader(user, closed.concern());
    }

    /**
     * Who raised an anonymous concern: opens the sealed link, for a privacy lead who is not the person
     * the concern is about, with a reason kept apart ({@code concern_unsealing}) and an audit entry
     * that names the concern and never the person (so the opening cannot be used to find them).
     *
     * @throws ForbiddenException unless the caller is a privacy lead and not the subject (audited)
     * @throws ConflictException when the concern was not raised anonymously
     * @throws BadInputException when the reason is under 10 or over 1,000 characters
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public PersonId raiserOf(SignedInUser lead, ConcernId id, String reason) {
        Concern c = find(lead, id);
        if (!lead.isPrivacyLead() || lead.personId().equals(c.about())) {
            audit.record(AuditEvent.by(lead, AuditAction.UNSEAL, AuditOutcome.DENIED)
                    .about(null, "CONCERN_RAISER", id.toString())
                    .because(Purpose.SAFETY.name(), null));
            throw new ForbiddenException("concern.unsealRefused");
        }
        if (!c.anonymous()) {
            throw new ConflictException("concern.notAnonymous");
        }
        String why = Text.required("reason", reason, 10, Text.Limit.NOTE);
        PersonId raiser = pseudonyms
                .unseal(lead.agencyId(), id)
                .orElseThrow(() -> new IllegalStateException("anonymous concern " + id + " has no sealed raiser"));
        UUID opening = pseudonyms.recordUnsealing(lead.agencyId(), id, lead.personId(), why, clock.instant());
        audit.record(AuditEvent.by(lead, AuditAction.UNSEAL, AuditOutcome.DONE)
                .about(null, "CONCERN_RAISER", id.toString())
                .because(Purpose.SAFETY.name(), "PRIVACY_LEAD")
                .noting("opening " + opening));
        return raiser;
    }

    /** Whether the person may handle concerns at all. */
    /**
     * How many concerns wait for someone to take them, for a handler's home screen (0 for anyone
     * else): a count, which tells nothing of any concern, so it is not a read of one.
     */
    @Transactional(readOnly = true)
    public int waitingToBeTaken(SignedInUser user) {
        if (!isHandler(user)) {
            return 0;
        }
        return (int) store.all(user.agencyId(), true).stream()
                .filter(c ->
                        c.status() == Concern.Status.RAISED && !user.personId().equals(c.about()))
                .count();
    }

    public boolean isHandler(SignedInUser user) {
        return HANDLERS.stream().anyMatch(user::has);
    }

    private void save(Actor actor, Concern.Moved moved) {
        store.save(actor.agencyId(), moved);
        trail.written(
                actor,
                moved.concern().about(),
                moved.concern().id(),
                moved.step().noted());
    }

    /**
     * The actor to audit when this user acts as the concern's raiser: themselves for a named
     * concern, its pseudonym for an anonymous one; empty when they did not raise it.
     */
    private Optional<Actor> asRaiser(SignedInUser user, Concern c) {
        if (!c.anonymous()) {
            return user.personId().equals(c.raisedBy()) ? Optional.of(user) : Optional.empty();
        }
        return pseudonyms
                .pseudonymOf(user.agencyId(), c.id(), user.personId())
                .map(p -> new AnonymousRaiser(user.agencyId(), p));
    }

    private @Nullable Basis party(SignedInUser user, Concern c) {
        if (asRaiser(user, c).isPresent()) {
            return RAISED_BY;
        }
        if (isHandler(user) && !user.personId().equals(c.about())) {
            return HANDLER;
        }
        return null;
    }

    /**
     * Asks the guard (about the person the concern concerns, or the raiser of a named one) and audits
     * the read: under the pseudonym when the raiser of an anonymous concern reads it, and with no
     * subject for an anonymous concern about the program, so that no entry joins the raiser to it.
     */
    private boolean read(SignedInUser user, Concern c, @Nullable Basis party) {
        GuardedPages.Read<Concern> read = guarded(user, c, party);
        read.audit().run();
        return read.shown() != null;
    }

    /** The guard's answer, not yet audited: the concern as this reader sees it when allowed. */
    private GuardedPages.Read<Concern> guarded(SignedInUser user, Concern c, @Nullable Basis party) {
        @Nullable PersonId subject = c.about() != null ? c.about() : c.raisedBy();
        AccessDecision decision;
        if (subject == null) {
            decision = party == null
                    ? new AccessDecision.Refused("not a party to this concern")
                    : new AccessDecision.Granted(party);
        } else if (subject.equals(user.personId()) && party == null) {
            decision = new AccessDecision.Refused("the person a concern is about does not read it here");
        } else {
            decision = trail.decide(user, subject, party);
        }
        Actor actor = RAISED_BY.equals(party) ? asRaiser(user, c).orElse(user) : user;
        return new GuardedPages.Read<>(
                decision instanceof AccessDecision.Granted ? forReader(user, c) : null,
                () -> trail.recorded(actor, decision, subject, c.id()));
    }

    /**
     * The concern as this reader sees it: the person who raised it sees themselves named in it (even
     * an anonymous one) and not the consultation it was taken on; a handler sees it all.
     */
    private Concern forReader(SignedInUser user, Concern c) {
        return asRaiser(user, c).isPresent() ? c.forRaiser(user.personId()) : c;
    }

    private Concern find(SignedInUser user, ConcernId id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.concern", id));
    }

    private void requireHandler(SignedInUser user) {
        if (!isHandler(user)) {
            throw new ForbiddenException("concern.handlersOnly");
        }
    }

    /** Who handles concerns and incidents in the agency today, but those named. */
    List<PersonId> handlers(AgencyId agency, Collection<PersonId> except) {
        return HANDLERS.stream()
                .flatMap(role -> directory.holding(agency, role).stream())
                .distinct()
                .filter(p -> !except.contains(p))
                .toList();
    }
}
