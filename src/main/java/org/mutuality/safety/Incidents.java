package org.mutuality.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.Basis;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Clearances;
import org.mutuality.conflicts.ConflictCheck;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.safety.store.IncidentStore;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.GuardedPages;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boundary incidents (S4), handled with dignity for everyone: anyone involved records one, each
 * person involved adds their own account, someone without a conflict with any of them
 * ({@code INVESTIGATE_INCIDENT}) takes it, and it ends with an outcome such as "boundary restated".
 * An incident is not a verdict: no outcome sanctions anyone. People involved read the incident and
 * their own account; those who handle it read every account. Each read asks the guard for every
 * person involved and is audited.
 */
@Service
public class Incidents {

    /** How many incidents a page shows unless the reader asks for another number. */
    public static final int PAGE = 30;

    private static final Basis HANDLER = Basis.INCIDENT_HANDLER;

    private final IncidentStore store;
    private final SafetyTrail trail;
    private final Directory directory;
    private final RelationshipRegister relationships;
    private final ConflictCheck conflicts;
    private final Notices notices;
    private final Concerns concerns;
    private final Clearances clearances;
    private final Clock clock;

    Incidents(
            IncidentStore store,
            SafetyTrail trail,
            Directory directory,
            RelationshipRegister relationships,
            ConflictCheck conflicts,
            Notices notices,
            Concerns concerns,
            Clearances clearances,
            Clock clock) {
        this.clearances = clearances;
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.relationships = relationships;
        this.conflicts = conflicts;
        this.notices = notices;
        this.concerns = concerns;
        this.clock = clock;
    }

    /**
     * Records an incident the person was involved in, with the others involved.
     *
     * @throws BadInputException when nobody else is named, the date is in the future, or a text is out
     *     of bounds
     */
    @Transactional
    public Incident record(
            SignedInUser by,
            @Nullable LocalDate occurredOn,
            String whatHappened,
            @Nullable String agreedNext,
            List<PersonId> others) {
        Incident incident = Incident.record(
                by.personId(), occurredOn, whatHappened, agreedNext, others, LocalDate.now(clock), clock.instant());
        others.forEach(p -> directory.requirePerson(by.agencyId(), p));
        store.insert(by.agencyId(), incident);
        written(by, incident, "incident recorded");
        String link = "/incidents/" + incident.id();
        for (PersonId p : incident.involved()) {
            if (!p.equals(by.personId())) {
                notices.send(by.agencyId(), p, NoticeKind.INCIDENT_INVOLVES_YOU, link);
            }
        }
        for (PersonId handler : concerns.handlers(by.agencyId(), incident.involved())) {
            notices.send(by.agencyId(), handler, NoticeKind.INCIDENT_RECORDED, link);
        }
        return view(by, incident.id());
    }

    /**
     * Adds the person's own account of what happened.
     *
     * @throws ForbiddenException unless the person was involved
     * @throws BadInputException when the text is under 10 or over 4,000 characters
     */
    @Transactional
    public Incident addAccount(SignedInUser by, IncidentId id, String text) {
        Incident incident = find(by, id);
        if (!incident.involved().contains(by.personId())) {
            throw new ForbiddenException("incident.accountRefused");
        }
        store.addAccount(by.agencyId(), id, incident.account(by.personId(), text, clock.instant()));
        trail.written(by, by.personId(), id, "own account");
        return view(by, id);
    }

    /**
     * A page of the incidents the person is involved in, or, for those who handle incidents, of every
     * one, newest first after {@code after}. Each incident on the page is read through the guard for
     * every other person involved and audited; one the guard refuses is left out before the page is
     * cut (see {@link GuardedPages}).
     */
    @Transactional
    public Page<Incident> list(SignedInUser user, @Nullable IncidentCursor after, int limit) {
        PersonId involving = concerns.isHandler(user) ? null : user.personId();
        return GuardedPages.walk(
                after,
                limit,
                (from, fetch) -> store.page(user.agencyId(), involving, from, fetch),
                IncidentCursor::after,
                IncidentCursor::cursor,
                incident -> guarded(user, incident, party(user, incident)));
    }

    /**
     * The incidents involving the person that are open or being handled, oldest first, by id and
     * day only (for a supervision agenda). Not a read of any incident: nothing of its content leaves.
     */
    @Transactional(readOnly = true)
    public List<OpenIncident> openInvolving(AgencyId agency, PersonId person) {
        return store.list(agency, person).stream()
                .filter(i -> i.status() != Incident.Status.RESOLVED)
                .map(i -> new OpenIncident(i.id(), i.occurredOn()))
                .sorted(Comparator.comparing(OpenIncident::occurredOn))
                .toList();
    }

    /**
     * The people the person may name as involved, by name: for staff, everyone active; for others, the
     * people they are related to now (no browsing of the directory). Never themselves.
     */
    @Transactional(readOnly = true)
    public List<Person> whoMayBeNamed(SignedInUser user) {
        Set<PersonId> related = new HashSet<>();
        if (!user.isStaff()) {
            relationships
                    .currentOf(user.agencyId(), user.personId())
                    .forEach(r -> related.add(r.other(user.personId())));
        }
        return directory.everyone(user.agencyId()).stream()
                .filter(p -> p.active() && !p.id().equals(user.personId()))
                .filter(p -> user.isStaff() || related.contains(p.id()))
                .sorted(Comparator.comparing(Person::displayName))
                .toList();
    }

    /**
     * One incident, for those involved and those who handle incidents.
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Incident view(SignedInUser user, IncidentId id) {
        Incident incident = find(user, id);
        Basis party = party(user, incident);
        if (!read(user, incident, party)) {
            throw new ForbiddenException("incident.readRefused");
        }
        return forReader(user, incident, party);
    }

    /**
     * Takes an incident to handle, after the conflict check between the handler and every person
     * involved ({@code INVESTIGATE_INCIDENT}): a block refuses; a warning or a call for consultation
     * needs {@code acknowledged}, or a consultation the handler asked about the one person the check
     * asks about ({@link Clearances#resolve(SignedInUser, boolean, UUID, ConflictDecision,
     * ConsultationClearance.Used)}), used once, with this step, and named by the incident.
     *
     * @param consultation the consultation to go ahead on, or null to rely on {@code acknowledged}
     * @throws ForbiddenException unless the caller handles incidents and is not involved
     * @throws NotFoundException when the consultation is not one the handler asked (audited)
     * @throws ConflictException when the consultation does not clear exactly this, or several people
     *     involved call for care at once (then only an acknowledgement does)
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public Incident take(SignedInUser handler, IncidentId id, boolean acknowledged, @Nullable UUID consultation) {
        Incident incident = find(handler, id);
        if (!HANDLER.equals(party(handler, incident))) {
            throw new ForbiddenException("incident.takeRefused");
        }
        ConflictDecision decision = ConflictDecision.strictest(incident.involved().stream()
                .map(p -> conflicts.check(handler, Action.INVESTIGATE_INCIDENT, handler.personId(), p))
                .toList());
        GoAhead goAhead = clearances.resolve(
                handler,
                acknowledged,
                consultation,
                decision,
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.INCIDENT, id.value()));
        save(handler, incident.take(handler.personId(), decision, goAhead));
        return view(handler, id);
    }

    /**
     * Resolves the incident with an outcome; everyone involved is told.
     *
     * @throws ForbiddenException unless the caller handles it
     * @throws BadInputException when the note is over 2,000 characters
     */
    @Transactional
    public Incident resolve(SignedInUser handler, IncidentId id, Incident.Outcome outcome, @Nullable String note) {
        Incident incident = find(handler, id);
        if (!handler.personId().equals(incident.handler())) {
            throw new ForbiddenException("incident.resolveRefused");
        }
        save(handler, incident.resolve(outcome, note));
        for (PersonId p : incident.involved()) {
            notices.send(handler.agencyId(), p, NoticeKind.INCIDENT_RESOLVED, "/incidents/" + id);
        }
        return view(handler, id);
    }

    private void save(SignedInUser by, Incident.Moved moved) {
        store.save(by.agencyId(), moved, clock.instant());
        written(by, moved.incident(), moved.step().noted());
    }

    private void written(SignedInUser by, Incident incident, String what) {
        incident.involved().forEach(p -> trail.written(by, p, incident.id(), what));
    }

    private @Nullable Basis party(SignedInUser user, Incident incident) {
        if (incident.involved().contains(user.personId())) {
            return Basis.INVOLVED;
        }
        return concerns.isHandler(user) ? HANDLER : null;
    }

    /** Asks the guard for every other person involved and audits each answer; all must allow. */
    private boolean read(SignedInUser user, Incident incident, @Nullable Basis party) {
        GuardedPages.Read<Incident> read = guarded(user, incident, party);
        read.audit().run();
        return read.shown() != null;
    }

    /**
     * The guard's answers for every other person involved, not yet audited: the incident as this
     * reader sees it when all allow.
     */
    private GuardedPages.Read<Incident> guarded(SignedInUser user, Incident incident, @Nullable Basis party) {
        Map<PersonId, AccessDecision> decisions = new LinkedHashMap<>();
        for (PersonId p : incident.involved()) {
            if (!p.equals(user.personId())) {
                decisions.put(p, trail.decide(user, p, party));
            }
        }
        boolean allowed = decisions.values().stream().allMatch(d -> d instanceof AccessDecision.Granted);
        return new GuardedPages.Read<>(
                allowed ? forReader(user, incident, party) : null,
                () -> decisions.forEach((p, d) -> trail.recorded(user, d, p, incident.id())));
    }

    /**
     * People involved read their own account; those who handle incidents read every account, and
     * which consultation it was taken on.
     */
    private static Incident forReader(SignedInUser user, Incident incident, @Nullable Basis party) {
        if (HANDLER.equals(party)) {
            return incident;
        }
        return incident.forInvolved(incident.accounts().stream()
                .filter(a -> a.author().equals(user.personId()))
                .toList());
    }

    private Incident find(SignedInUser user, IncidentId id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.incident", id));
    }
}
