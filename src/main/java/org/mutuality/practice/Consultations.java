package org.mutuality.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.practice.store.ConsultationStore;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.ReturnPath;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultations before a hard call. Who may do what, in a privacy lead's words:
 *
 * <ol>
 *   <li>A member of staff asks, about an action the conflict check answered with a warning or a call
 *       for consultation, when they may ask the check about it ({@link ConflictCheck#ask}: the actor
 *       or the subject themselves, the privacy lead, or whoever coordinates the subject's program).
 *       Participants do not ask.
 *   <li>Mutuality proposes colleagues without a conflict with the asker, the actor or the subject
 *       ({@code CONSULT_ON}); the asker chooses one, who is checked again against each of them.
 *   <li>Three people read a consultation: its asker, the colleague it was asked of, and whoever
 *       supervises the asker today ({@code SUPERVISES}) and already did on the day it was asked.
 *       Each read is asked of the guard and audited about the person the action is about; anyone
 *       else, the participant, an administrator and the privacy lead included, is answered as if it
 *       did not exist, and the refusal is audited.
 *   <li>Only that colleague answers; only the asker goes ahead on it, once, for exactly the action it
 *       is about, and only on "go ahead with safeguards" ({@link #use}).
 *   <li>When it lets a peer worker support a participant they know outside the agency, the two get a
 *       boundary agreement to write together ({@link BoundaryAgreements}).
 *   <li>Only the asker attaches their dilemma navigator summary ({@link #reflect}), replaces it or
 *       takes it off, and only while the consultation is open; it is read by the consultation's three
 *       readers and by nobody else, as the consultation is.
 * </ol>
 *
 * The audit log keeps the consultation's id and what was done, never the situation, the note, the
 * safeguards or the reflection. Methods never return null.
 */
@Service
public class Consultations implements ConsultationClearance {

    /** How many consultations a list shows at most. */
    public static final int LIST_LIMIT = 100;

    static final RecordKind KIND = RecordKind.PRACTICE_RECORDS;

    private final ConsultationStore store;
    private final RecordTrail trail;
    private final ConflictCheck conflicts;
    private final Directory directory;
    private final RelationshipRegister relationships;
    private final Notices notices;
    private final BoundaryAgreements agreements;
    private final ConsultationSupervisors supervisors;
    private final NavigatorText navigator;
    private final Clock clock;

    Consultations(
            ConsultationStore store,
            RecordTrail trail,
            ConflictCheck conflicts,
            Directory directory,
            RelationshipRegister relationships,
            Notices notices,
            BoundaryAgreements agreements,
            ConsultationSupervisors supervisors,
            NavigatorText navigator,
            Clock clock) {
        this.store = store;
        this.trail = trail;
        this.conflicts = conflicts;
        this.directory = directory;
        this.relationships = relationships;
        this.notices = notices;
        this.agreements = agreements;
        this.supervisors = supervisors;
        this.navigator = navigator;
        this.clock = clock;
    }

    /** A consultation as its reader may see it, with the basis they read it on. */
    public record View(Consultation consultation, Basis basis) {

        /** Whether the reader is the one who asked. */
        public boolean asker() {
            return basis == Basis.CONSULTATION_ASKER;
        }

        /** Whether the reader is the colleague it was asked of. */
        public boolean consultant() {
            return basis == Basis.CONSULTANT;
        }
    }

    /** A consultation just asked, and the colleagues the asker may choose from. */
    public record Asked(Consultation consultation, List<ConflictDecision.Alternative> consultants) {}

    /**
     * Opens a consultation about {@code actor} taking {@code action} over {@code subject}.
     *
     * @throws ForbiddenException when the caller is not staff, or may not ask the conflict check
     *     about these two (audited)
     * @throws NotFoundException when the actor or the subject is not a person the caller may see
     * @throws ConflictException when the check allows the action (nothing to consult about) or blocks
     *     it (a consultation does not lift a block)
     * @throws BadInputException when the situation is under 10 or over 4,000 characters
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Asked ask(SignedInUser by, Action action, PersonId actor, PersonId subject, @Nullable String situation) {
        return ask(by, action, actor, subject, situation, null);
    }

    /**
     * As {@link #ask(SignedInUser, Action, PersonId, PersonId, String)}, from the page where the action
     * waits: once answered "go ahead with safeguards", its page leads the asker back there.
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Asked ask(
            SignedInUser by,
            Action action,
            PersonId actor,
            PersonId subject,
            @Nullable String situation,
            @Nullable ReturnPath returnTo) {
        if (!by.isStaff()) {
            // The same refusal whether or not the subject exists; the audit names them when they do.
            throw new ForbiddenException("consultation.staffOnly")
                    .about(directory
                            .person(by.agencyId(), subject)
                            .map(p -> p.id().value())
                            .orElse(null));
        }
        Consultation consultation =
                Consultation.ask(by.personId(), action, actor, subject, situation, returnTo, clock.instant());
        directory.visibleTo(by, actor);
        directory.visibleTo(by, subject);
        ConflictDecision decision = conflicts.ask(by, action, actor, subject);
        if (decision.decision() == Decision.ALLOW) {
            throw new ConflictException("consultation.nothingToConsult");
        }
        decision.requireCleared(true);
        store.insert(by.agencyId(), consultation);
        trail.written(by, subject, KIND, consultation.id(), "consultation asked about " + action);
        return new Asked(consultation, consultants(by, consultation));
    }

    /**
     * The colleagues the asker may still choose from, for a consultation they have just read
     * ({@link #view}); none for its other readers, or once it is answered.
     */
    public List<ConflictDecision.Alternative> consultantsFor(SignedInUser by, View view) {
        Consultation c = view.consultation();
        boolean choosing =
                c.status() == Consultation.Status.WAITING_FOR_CONSULTANT || c.status() == Consultation.Status.ASKED;
        return view.asker() && choosing ? consultants(by, c) : List.of();
    }

    private List<ConflictDecision.Alternative> consultants(SignedInUser by, Consultation c) {
        return conflicts.consultants(by, List.of(c.askedBy(), c.actor(), c.subject()));
    }

    /**
     * The asker chooses the colleague to consult, who is told.
     *
     * @throws NotFoundException unless the caller may read the consultation (audited), or when the
     *     colleague is not in the agency
     * @throws ForbiddenException unless the caller asked it
     * @throws BadInputException when the colleague may not be consulted (no role the policy names for
     *     it, inactive, or one of the people it is about)
     * @throws ConflictException when it is answered already, or the colleague has a conflict with one
     *     of the people it is about
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Consultation choose(SignedInUser by, ConsultationId id, PersonId colleague) {
        Consultation c = view(by, id).consultation();
        Consultation chosen = c.choose(by.personId(), colleague);
        Person person = directory.requirePerson(by.agencyId(), colleague);
        LocalDate today = LocalDate.now(clock);
        if (!person.active()
                || Collections.disjoint(
                        person.activeRoles(today), conflicts.eligibleRoles(by.agencyId(), Action.CONSULT_ON))) {
            throw new BadInputException("consultation.notAConsultant");
        }
        List<ConflictDecision> checks = new ArrayList<>();
        for (PersonId p : List.of(c.askedBy(), c.actor(), c.subject())) {
            checks.add(conflicts.check(by, Action.CONSULT_ON, colleague, p));
        }
        ConflictDecision strictest = ConflictDecision.strictest(checks);
        if (strictest.decision() != Decision.ALLOW) {
            throw new ConflictException("consultation.consultantHasConflict", String.join(" ", strictest.concerns()));
        }
        store.save(by.agencyId(), chosen);
        trail.written(by, c.subject(), KIND, c.id(), "consultant chosen");
        notices.send(by.agencyId(), colleague, NoticeKind.CONSULTATION_ASKED_OF_YOU, link(c.id()));
        return view(by, id).consultation();
    }

    /**
     * The colleague it was asked of answers; the asker is told.
     *
     * @throws NotFoundException unless the caller may read the consultation (audited)
     * @throws ForbiddenException when the asker answers, or the caller is not the colleague asked
     * @throws ConflictException when it is not waiting for an answer (answered already, withdrawn)
     * @throws BadInputException for a missing note, or safeguards that do not fit the outcome
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Consultation answer(
            SignedInUser by,
            ConsultationId id,
            Consultation.Outcome outcome,
            @Nullable String note,
            @Nullable List<String> safeguards) {
        Consultation c = view(by, id).consultation();
        Consultation answered = c.answer(by.personId(), outcome, note, safeguards, clock.instant());
        store.save(by.agencyId(), answered);
        trail.written(by, c.subject(), KIND, c.id(), "consultation answered " + outcome);
        notices.send(by.agencyId(), c.askedBy(), NoticeKind.CONSULTATION_ANSWERED, link(c.id()));
        return view(by, id).consultation();
    }

    /**
     * The asker withdraws it before it is answered.
     *
     * @throws NotFoundException unless the caller may read the consultation (audited)
     * @throws ForbiddenException unless the caller asked it
     * @throws ConflictException once it is answered or withdrawn
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Consultation withdraw(SignedInUser by, ConsultationId id) {
        Consultation c = view(by, id).consultation();
        store.save(by.agencyId(), c.withdraw(by.personId()));
        trail.written(by, c.subject(), KIND, c.id(), "consultation withdrawn");
        return view(by, id).consultation();
    }

    /**
     * The asker attaches what the dilemma navigator makes of these answers, as it reads in {@code
     * language} today, or replaces the summary attached; the audit log notes that it was attached,
     * never what it says.
     *
     * @throws NotFoundException unless the caller may read the consultation (audited)
     * @throws ForbiddenException unless the caller asked it
     * @throws ConflictException unless it is open (not withdrawn, used or advised against)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Consultation reflect(SignedInUser by, ConsultationId id, NavigatorAnswers answers, Locale language) {
        Consultation c = view(by, id).consultation();
        String text = navigator.text(answers, Navigator.summarize(answers), language);
        Consultation reflected = c.reflect(by.personId(), new Consultation.Reflection(text, language, clock.instant()));
        store.saveReflection(by.agencyId(), reflected);
        trail.written(
                by, c.subject(), KIND, c.id(), c.reflection() == null ? "reflection attached" : "reflection replaced");
        return view(by, id).consultation();
    }

    /**
     * The asker takes their summary off the consultation.
     *
     * @throws NotFoundException unless the caller may read the consultation (audited)
     * @throws ForbiddenException unless the caller asked it
     * @throws ConflictException unless it is open, or when no summary is attached
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Consultation unreflect(SignedInUser by, ConsultationId id) {
        Consultation c = view(by, id).consultation();
        store.saveReflection(by.agencyId(), c.unreflect(by.personId()));
        trail.written(by, c.subject(), KIND, c.id(), "reflection removed");
        return view(by, id).consultation();
    }

    /**
     * The open consultations the caller asked, newest first: those a navigator summary may be
     * attached to. Each one shown is an audited read.
     */
    @Transactional
    public List<View> openAskedBy(SignedInUser asker) {
        List<View> shown = new ArrayList<>();
        for (Consultation c : store.involving(asker.agencyId(), asker.personId(), LIST_LIMIT)) {
            if (c.askedBy().equals(asker.personId())
                    && c.open()
                    && trail.read(asker, c.subject(), KIND, Basis.CONSULTATION_ASKER, c.id()) != null) {
                shown.add(new View(c, Basis.CONSULTATION_ASKER));
            }
        }
        return shown;
    }

    /**
     * One consultation, for its asker, its consultant and the asker's supervisor; the read is audited.
     *
     * @throws NotFoundException for anyone else (audited), as for a missing one
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public View view(SignedInUser reader, ConsultationId id) {
        Consultation c =
                store.find(reader.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.consultation", id));
        Basis party = partyOf(reader, c);
        if (party == null) {
            trail.refused(reader, c.subject(), KIND, c.id());
            throw new NotFoundException("notFound.consultation", id);
        }
        Basis basis = trail.read(reader, c.subject(), KIND, party, c.id());
        if (basis == null) {
            throw new NotFoundException("notFound.consultation", id);
        }
        return new View(c, party);
    }

    /**
     * The consultations the reader asked, was asked, or (as supervisor) that the people they
     * supervise asked, newest first; each one shown is an audited read.
     */
    @Transactional
    public List<View> mine(SignedInUser reader) {
        Map<ConsultationId, Consultation> found = new LinkedHashMap<>();
        store.involving(reader.agencyId(), reader.personId(), LIST_LIMIT).forEach(c -> found.put(c.id(), c));
        store.askedBy(reader.agencyId(), supervisors.of(reader), LIST_LIMIT).forEach(c -> found.putIfAbsent(c.id(), c));
        List<View> shown = new ArrayList<>();
        found.values().stream()
                .sorted((a, b) -> b.askedAt().compareTo(a.askedAt()))
                .limit(LIST_LIMIT)
                .forEach(c -> {
                    Basis party = partyOf(reader, c);
                    if (party != null && trail.read(reader, c.subject(), KIND, party, c.id()) != null) {
                        shown.add(new View(c, party));
                    }
                });
        return shown;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reading it for this is an audited read like any other; once used, a consultation that lets
     * a peer worker support a participant they know outside the agency starts the two people's
     * boundary agreement.
     */
    @Override
    @Transactional(noRollbackFor = NotFoundException.class)
    public Cleared use(
            SignedInUser asker, UUID consultation, Action action, PersonId actor, PersonId subject, Used usedFor) {
        Consultation c = view(asker, new ConsultationId(consultation)).consultation();
        Consultation used = c.use(asker.personId(), action, actor, subject, usedFor, clock.instant());
        store.save(asker.agencyId(), used);
        trail.written(asker, subject, KIND, c.id(), "consultation used for " + usedFor.kind());
        if (action == Action.ASSIGN_SUPPORT && knowEachOther(asker, actor, subject)) {
            agreements.start(asker, used);
        }
        return new Cleared(consultation, used.safeguards());
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> usable(SignedInUser asker, Action action, PersonId actor, PersonId subject) {
        return store.involving(asker.agencyId(), asker.personId(), LIST_LIMIT).stream()
                .filter(c -> c.askedBy().equals(asker.personId())
                        && c.status() == Consultation.Status.ANSWERED
                        && c.outcome() == Consultation.Outcome.GO_AHEAD_WITH_SAFEGUARDS
                        && c.action() == action
                        && c.actor().equals(actor)
                        && c.subject().equals(subject))
                .sorted((a, b) -> a.askedAt().compareTo(b.askedAt()))
                .map(c -> c.id().value())
                .toList();
    }

    /** Whether the two have a personal relationship in the register today (S6: they know each other). */
    private boolean knowEachOther(SignedInUser by, PersonId a, PersonId b) {
        return relationships.currentOf(by.agencyId(), a).stream()
                .anyMatch(r -> r.involves(b) && r.kind().category() == RelationshipKind.Category.PERSONAL);
    }

    /**
     * The party the reader is to the consultation, or null when none: a supervisor of the asker reads
     * it only when their supervision had begun on or before the day it was asked.
     */
    private @Nullable Basis partyOf(SignedInUser reader, Consultation c) {
        if (reader.personId().equals(c.askedBy())) {
            return Basis.CONSULTATION_ASKER;
        }
        if (reader.personId().equals(c.consultant())) {
            return Basis.CONSULTANT;
        }
        LocalDate askedOn = LocalDate.ofInstant(c.askedAt(), clock.getZone());
        return supervisors.supervisedOn(reader, c.askedBy(), askedOn) ? Basis.SUPERVISOR : null;
    }

    static String link(ConsultationId id) {
        return "/consultations/" + id;
    }
}
