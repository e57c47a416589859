package org.mutuality.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.safety.store.ConcernPseudonyms;
import org.mutuality.safety.store.ConcernStore;
import org.mutuality.shared.Actor;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
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

    static final List<Role> HANDLERS = List.of(Role.PRIVACY_LEAD, Role.MANAGER, Role.SUPERVISOR);

    private final ConcernStore store;
    private final ConcernPseudonyms pseudonyms;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Notices notices;
    private final Clock clock;

    Concerns(
            ConcernStore store,
            ConcernPseudonyms pseudonyms,
            AccessGuard guard,
            AuditLog audit,
            Directory directory,
            ConflictCheck conflicts,
            Notices notices,
            Clock clock) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.guard = guard;
        this.audit = audit;
        this.directory = directory;
        this.conflicts = conflicts;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Raises a concern, about a staff member or about the program in general ({@code about} null).
     *
     * @throws IllegalArgumentException when the text is under 10 or over 4,000 characters, or the
     *     person named is not staff, or is the person raising it
     */
    @Transactional
    public Concern raise(SignedInUser by, @Nullable PersonId about, String text, boolean anonymous) {
        String body = text == null ? "" : text.strip();
        if (body.length() < 10 || body.length() > 4000) {
            throw new IllegalArgumentException("text must be 10 to 4000 characters, was " + body.length());
        }
        if (about != null) {
            if (about.equals(by.personId())) {
                throw new IllegalArgumentException("a concern is about someone else's conduct");
            }
            Person person = directory.requirePerson(by.agencyId(), about);
            if (!person.isStaffOn(LocalDate.now(clock))) {
                throw new IllegalArgumentException("aboutId must be a member of staff or a volunteer");
            }
        }
        Instant now = clock.instant();
        UUID id = store.insert(by.agencyId(), anonymous ? null : by.personId(), anonymous, about, body, now);
        Actor actor = anonymous
                ? new AnonymousRaiser(by.agencyId(), pseudonyms.create(by.agencyId(), id, by.personId(), now))
                : by;
        audit.record(AuditEvent.by(actor, "WRITE", "DONE")
                .about(about == null ? null : about.value(), RecordKind.SAFETY_RECORDS.name(), id.toString())
                .noting(anonymous ? "concern raised anonymously" : "concern raised"));
        for (PersonId handler : handlers(by, about)) {
            if (!handler.equals(by.personId())) {
                notices.send(by.agencyId(), handler, NoticeKind.CONCERN_RAISED, "/concerns/" + id);
            }
        }
        return forReader(by, store.find(by.agencyId(), id).orElseThrow());
    }

    /** The concerns the signed-in person raised, named or anonymously, newest first, with their answers. */
    @Transactional
    public List<Concern> mine(SignedInUser user) {
        List<Concern> raised = new ArrayList<>(store.raisedBy(user.agencyId(), user.personId()));
        for (UUID id : pseudonyms.concernsOf(user.agencyId(), user.personId())) {
            store.find(user.agencyId(), id).ifPresent(raised::add);
        }
        raised.sort(Comparator.comparing(Concern::createdAt).reversed());
        List<Concern> shown = new ArrayList<>();
        for (Concern c : raised) {
            if (read(user, c, "RAISED_BY") != null) {
                shown.add(forReader(user, c));
            }
        }
        return shown;
    }

    /**
     * The concerns the signed-in person may handle (open ones unless {@code all}): never one about
     * themselves; who raised an anonymous one is hidden. Each one listed is an audited read.
     *
     * @throws ForbiddenException unless the person is a privacy lead, manager or supervisor
     */
    @Transactional
    public List<Concern> toHandle(SignedInUser user, boolean all) {
        requireHandler(user);
        List<Concern> shown = new ArrayList<>();
        for (Concern c : store.all(user.agencyId(), !all)) {
            if (user.personId().equals(c.about())) {
                continue;
            }
            if (read(user, c, "CONCERN_HANDLER") != null) {
                shown.add(forReader(user, c));
            }
        }
        return shown;
    }

    /**
     * One concern, for the person who raised it or someone who may handle it (never the person it is
     * about).
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Concern view(SignedInUser user, UUID id) {
        Concern c = find(user, id);
        String party = party(user, c);
        if (read(user, c, party) == null) {
            throw new ForbiddenException("Only the person who raised this concern and those who handle it read it.");
        }
        return forReader(user, c);
    }

    /**
     * Takes a concern to handle it, after the conflict check between the handler and the person it
     * is about: a block refuses, a warning needs {@code acknowledged}.
     */
    @Transactional
    public Concern take(SignedInUser handler, UUID id, boolean acknowledged) {
        Concern c = find(handler, id);
        if (!"CONCERN_HANDLER".equals(party(handler, c))) {
            throw new ForbiddenException(
                    "The privacy lead, managers and supervisors take concerns, never about themselves.");
        }
        if (c.status() != Concern.Status.RAISED) {
            throw new ConflictException("This concern is already " + c.status() + ".");
        }
        if (c.about() != null) {
            Checks.requireMayHandle(
                    conflicts.check(handler, Action.INVESTIGATE_INCIDENT, handler.personId(), c.about()),
                    acknowledged,
                    "concern");
        }
        move(handler, handler, c, Concern.Status.IN_REVIEW, handler.personId(), null, "taken");
        return view(handler, id);
    }

    /**
     * Answers the concern; the person who raised it is told and reads the answer.
     *
     * @throws IllegalArgumentException when the answer is under 10 or over 4,000 characters
     */
    @Transactional
    public Concern answer(SignedInUser handler, UUID id, String answer) {
        Concern c = find(handler, id);
        if (!handler.personId().equals(c.handler())) {
            throw new ForbiddenException("The person who took this concern answers it.");
        }
        if (c.status() != Concern.Status.IN_REVIEW && c.status() != Concern.Status.ANSWERED) {
            throw new ConflictException("This concern is " + c.status() + "; it cannot be answered now.");
        }
        String text = answer == null ? "" : answer.strip();
        if (text.length() < 10 || text.length() > 4000) {
            throw new IllegalArgumentException("answer must be 10 to 4000 characters, was " + text.length());
        }
        move(handler, handler, c, Concern.Status.ANSWERED, c.handler(), text, "answered");
        // The link is read here only to address the notice: no one is shown who it went to.
        PersonId raiser =
                c.anonymous() ? pseudonyms.unseal(handler.agencyId(), id).orElse(null) : c.raisedBy();
        if (raiser != null) {
            notices.send(handler.agencyId(), raiser, NoticeKind.CONCERN_ANSWERED, "/concerns/" + id);
        }
        return view(handler, id);
    }

    /** Closes the concern: by the person who raised it, or by its handler once answered. */
    @Transactional
    public Concern close(SignedInUser user, UUID id) {
        Concern c = find(user, id);
        Optional<Actor> raiser = asRaiser(user, c);
        boolean handler = user.personId().equals(c.handler()) && c.status() == Concern.Status.ANSWERED;
        if (raiser.isEmpty() && !handler) {
            throw new ForbiddenException("The person who raised the concern closes it, or its handler once answered.");
        }
        if (c.status() == Concern.Status.CLOSED) {
            throw new ConflictException("This concern is already closed.");
        }
        move(user, raiser.orElse(user), c, Concern.Status.CLOSED, c.handler(), c.answer(), "closed");
        return store.find(user.agencyId(), id).map(x -> forReader(user, x)).orElseThrow();
    }

    /**
     * Who raised an anonymous concern: opens the sealed link, for a privacy lead who is not the person
     * the concern is about, with a reason kept apart ({@code concern_unsealing}) and an audit entry
     * that names the concern and never the person (so the opening cannot be used to find them).
     *
     * @throws ForbiddenException unless the caller is a privacy lead and not the subject (audited)
     * @throws ConflictException when the concern was not raised anonymously
     * @throws IllegalArgumentException when the reason is under 10 or over 1,000 characters
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public PersonId raiserOf(SignedInUser lead, UUID id, String reason) {
        Concern c = find(lead, id);
        if (!lead.isPrivacyLead() || lead.personId().equals(c.about())) {
            audit.record(AuditEvent.by(lead, "UNSEAL", "DENIED")
                    .about(null, "CONCERN_RAISER", id.toString())
                    .because(Purpose.SAFETY.name(), null));
            throw new ForbiddenException(
                    "Only a privacy lead who is not the person this concern is about opens who raised it.");
        }
        if (!c.anonymous()) {
            throw new ConflictException("This concern was not raised anonymously; its page names who raised it.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10 || why.length() > 1000) {
            throw new IllegalArgumentException("reason must say why in 10 to 1000 characters, was " + why.length());
        }
        PersonId raiser = pseudonyms
                .unseal(lead.agencyId(), id)
                .orElseThrow(() -> new IllegalStateException("anonymous concern " + id + " has no sealed raiser"));
        UUID opening = pseudonyms.recordUnsealing(lead.agencyId(), id, lead.personId(), why, clock.instant());
        audit.record(AuditEvent.by(lead, "UNSEAL", "DONE")
                .about(null, "CONCERN_RAISER", id.toString())
                .because(Purpose.SAFETY.name(), "PRIVACY_LEAD")
                .noting("opening " + opening));
        return raiser;
    }

    /** Whether the person may handle concerns at all. */
    public boolean isHandler(SignedInUser user) {
        return HANDLERS.stream().anyMatch(user::has);
    }

    private void move(
            SignedInUser by,
            Actor actor,
            Concern c,
            Concern.Status status,
            @Nullable PersonId handler,
            @Nullable String answer,
            String what) {
        if (!store.update(by.agencyId(), c.id(), c.version(), status, handler, answer, clock.instant())) {
            throw new ConflictException("Someone else changed this concern meanwhile; reload and try again.");
        }
        audit.record(AuditEvent.by(actor, "WRITE", "DONE")
                .about(
                        c.about() == null ? null : c.about().value(),
                        RecordKind.SAFETY_RECORDS.name(),
                        c.id().toString())
                .noting("concern " + what));
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

    private @Nullable String party(SignedInUser user, Concern c) {
        if (asRaiser(user, c).isPresent()) {
            return "RAISED_BY";
        }
        if (isHandler(user) && !user.personId().equals(c.about())) {
            return "CONCERN_HANDLER";
        }
        return null;
    }

    /**
     * Asks the guard (about the person the concern concerns, or the raiser of a named one) and audits
     * the read: under the pseudonym when the raiser of an anonymous concern reads it, and with no
     * subject for an anonymous concern about the program, so that no entry joins the raiser to it.
     */
    private @Nullable String read(SignedInUser user, Concern c, @Nullable String party) {
        @Nullable PersonId subject = c.about() != null ? c.about() : c.raisedBy();
        AccessDecision decision;
        if (subject == null) {
            decision = party == null
                    ? new AccessDecision.Refused("not a party to this concern")
                    : new AccessDecision.Granted(party);
        } else if (subject.equals(user.personId()) && party == null) {
            decision = new AccessDecision.Refused("the person a concern is about does not read it here");
        } else {
            decision = guard.decide(user, subject, RecordKind.SAFETY_RECORDS, Purpose.SAFETY, party);
        }
        String basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        Actor actor = "RAISED_BY".equals(party) ? asRaiser(user, c).orElse(user) : user;
        audit.recordRead(AuditEvent.by(actor, "READ", basis == null ? "DENIED" : "ALLOWED")
                .about(subject == null ? null : subject.value(), RecordKind.SAFETY_RECORDS.name(), c.id().toString())
                .because(Purpose.SAFETY.name(), basis));
        return basis;
    }

    /** The concern as this reader sees it: the raiser of an anonymous one sees themselves named in it. */
    private Concern forReader(SignedInUser user, Concern c) {
        return c.anonymous() && asRaiser(user, c).isPresent() ? c.withRaiser(user.personId()) : c;
    }

    private Concern find(SignedInUser user, UUID id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("concern", id));
    }

    private void requireHandler(SignedInUser user) {
        if (!isHandler(user)) {
            throw new ForbiddenException("The privacy lead, managers and supervisors handle concerns.");
        }
    }

    private List<PersonId> handlers(SignedInUser by, @Nullable PersonId about) {
        List<PersonId> result = new ArrayList<>();
        for (Role role : HANDLERS) {
            for (PersonId p : directory.holding(by.agencyId(), role)) {
                if (!p.equals(about) && !result.contains(p)) {
                    result.add(p);
                }
            }
        }
        return result;
    }
}
