package org.mutuality.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.safety.store.IncidentStore;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
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

    private final IncidentStore store;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Directory directory;
    private final ConflictCheck conflicts;
    private final Notices notices;
    private final Concerns concerns;
    private final Clock clock;

    Incidents(
            IncidentStore store,
            AccessGuard guard,
            AuditLog audit,
            Directory directory,
            ConflictCheck conflicts,
            Notices notices,
            Concerns concerns,
            Clock clock) {
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.directory = directory;
        this.conflicts = conflicts;
        this.notices = notices;
        this.concerns = concerns;
        this.clock = clock;
    }

    /**
     * Records an incident the person was involved in, with the others involved.
     *
     * @throws IllegalArgumentException when nobody else is named, the date is in the future, or a
     *     text is out of bounds
     */
    @Transactional
    public Incident record(
            SignedInUser by,
            @Nullable LocalDate occurredOn,
            String whatHappened,
            @Nullable String agreedNext,
            List<PersonId> others) {
        String what = whatHappened == null ? "" : whatHappened.strip();
        if (what.length() < 10 || what.length() > 4000) {
            throw new IllegalArgumentException("whatHappened must be 10 to 4000 characters, was " + what.length());
        }
        String agreed = agreedNext == null ? "" : agreedNext.strip();
        if (agreed.length() > 2000) {
            throw new IllegalArgumentException("agreedNext must be at most 2000 characters, was " + agreed.length());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = occurredOn == null ? today : occurredOn;
        if (on.isAfter(today)) {
            throw new IllegalArgumentException("occurredOn must not be in the future, was " + on);
        }
        Set<PersonId> involved = new LinkedHashSet<>();
        involved.add(by.personId());
        for (PersonId p : others) {
            directory.requirePerson(by.agencyId(), p);
            involved.add(p);
        }
        if (involved.size() < 2 || involved.size() > 20) {
            throw new IllegalArgumentException("name 1 to 19 other people involved");
        }
        UUID id = store.insert(
                by.agencyId(), by.personId(), on, what, agreed.isEmpty() ? null : agreed, involved, clock.instant());
        for (PersonId p : involved) {
            audit.record(AuditEvent.by(by, "WRITE", "DONE")
                    .about(p.value(), RecordKind.SAFETY_RECORDS.name(), id.toString())
                    .noting("incident recorded"));
            if (!p.equals(by.personId())) {
                notices.send(by.agencyId(), p, NoticeKind.INCIDENT_INVOLVES_YOU, "/incidents/" + id);
            }
        }
        for (PersonId handler : handlers(by, involved)) {
            notices.send(by.agencyId(), handler, NoticeKind.INCIDENT_RECORDED, "/incidents/" + id);
        }
        return view(by, id);
    }

    /**
     * Adds the person's own account of what happened.
     *
     * @throws ForbiddenException unless the person was involved
     */
    @Transactional
    public Incident addAccount(SignedInUser by, UUID id, String text) {
        Incident incident = find(by, id);
        if (!incident.involved().contains(by.personId())) {
            throw new ForbiddenException("Only the people involved add their account.");
        }
        String body = text == null ? "" : text.strip();
        if (body.length() < 10 || body.length() > 4000) {
            throw new IllegalArgumentException("text must be 10 to 4000 characters, was " + body.length());
        }
        store.addAccount(by.agencyId(), id, by.personId(), body, clock.instant());
        audit.record(AuditEvent.by(by, "WRITE", "DONE")
                .about(by.personId().value(), RecordKind.SAFETY_RECORDS.name(), id.toString())
                .noting("own account"));
        return view(by, id);
    }

    /** The incidents the person is involved in, or, for those who handle incidents, every one. */
    @Transactional
    public List<Incident> list(SignedInUser user) {
        List<Incident> all = concerns.isHandler(user)
                ? store.list(user.agencyId(), null)
                : store.list(user.agencyId(), user.personId());
        List<Incident> shown = new ArrayList<>();
        for (Incident i : all) {
            String party = party(user, i);
            if (party != null && read(user, i, party)) {
                shown.add(forReader(user, i, party));
            }
        }
        return shown;
    }

    /**
     * One incident, for those involved and those who handle incidents.
     *
     * @throws ForbiddenException for anyone else (audited)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public Incident view(SignedInUser user, UUID id) {
        Incident incident = find(user, id);
        String party = party(user, incident);
        if (!read(user, incident, party)) {
            throw new ForbiddenException("Only the people involved and those who handle incidents read this.");
        }
        return forReader(user, incident, party);
    }

    /**
     * Takes an incident to handle, after the conflict check between the handler and every person
     * involved.
     */
    @Transactional
    public Incident take(SignedInUser handler, UUID id, boolean acknowledged) {
        Incident incident = find(handler, id);
        if (!"INCIDENT_HANDLER".equals(party(handler, incident))) {
            throw new ForbiddenException("The privacy lead, managers and supervisors not involved take incidents.");
        }
        if (incident.status() != Incident.Status.OPEN) {
            throw new ConflictException("This incident is already " + incident.status() + ".");
        }
        List<ConflictDecision> decisions = new ArrayList<>();
        for (PersonId p : incident.involved()) {
            decisions.add(conflicts.check(handler, Action.INVESTIGATE_INCIDENT, handler.personId(), p));
        }
        Checks.requireMayHandle(Checks.strictest(decisions), acknowledged, "incident");
        move(handler, incident, Incident.Status.IN_HAND, handler.personId(), null, null, "taken");
        return view(handler, id);
    }

    /**
     * Resolves the incident with an outcome; everyone involved is told.
     *
     * @throws IllegalArgumentException when the note is over 2,000 characters
     */
    @Transactional
    public Incident resolve(SignedInUser handler, UUID id, Incident.Outcome outcome, @Nullable String note) {
        Incident incident = find(handler, id);
        if (!handler.personId().equals(incident.handler()) || incident.status() != Incident.Status.IN_HAND) {
            throw new ForbiddenException("The person handling this incident resolves it.");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw new IllegalArgumentException("note must be at most 2000 characters, was " + text.length());
        }
        move(
                handler,
                incident,
                Incident.Status.RESOLVED,
                incident.handler(),
                outcome,
                text.isEmpty() ? null : text,
                "resolved");
        for (PersonId p : incident.involved()) {
            notices.send(handler.agencyId(), p, NoticeKind.INCIDENT_RESOLVED, "/incidents/" + id);
        }
        return view(handler, id);
    }

    private void move(
            SignedInUser by,
            Incident incident,
            Incident.Status status,
            @Nullable PersonId handler,
            Incident.@Nullable Outcome outcome,
            @Nullable String note,
            String what) {
        if (!store.update(
                by.agencyId(), incident.id(), incident.version(), status, handler, outcome, note, clock.instant())) {
            throw new ConflictException("Someone else changed this incident meanwhile; reload and try again.");
        }
        for (PersonId p : incident.involved()) {
            audit.record(AuditEvent.by(by, "WRITE", "DONE")
                    .about(
                            p.value(),
                            RecordKind.SAFETY_RECORDS.name(),
                            incident.id().toString())
                    .noting("incident " + what));
        }
    }

    private @Nullable String party(SignedInUser user, Incident incident) {
        if (incident.involved().contains(user.personId())) {
            return "INVOLVED";
        }
        return concerns.isHandler(user) ? "INCIDENT_HANDLER" : null;
    }

    /** Asks the guard for every other person involved and audits each answer; all must allow. */
    private boolean read(SignedInUser user, Incident incident, @Nullable String party) {
        boolean allowed = true;
        for (PersonId p : incident.involved()) {
            if (p.equals(user.personId())) {
                continue;
            }
            AccessDecision decision = party == null
                    ? guard.decide(user, p, RecordKind.SAFETY_RECORDS, Purpose.SAFETY)
                    : guard.decide(user, p, RecordKind.SAFETY_RECORDS, Purpose.SAFETY, party);
            String basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
            audit.recordRead(AuditEvent.by(user, "READ", basis == null ? "DENIED" : "ALLOWED")
                    .about(
                            p.value(),
                            RecordKind.SAFETY_RECORDS.name(),
                            incident.id().toString())
                    .because(Purpose.SAFETY.name(), basis));
            allowed &= basis != null;
        }
        return allowed;
    }

    /** People involved read their own account; those who handle incidents read every account. */
    private static Incident forReader(SignedInUser user, Incident incident, @Nullable String party) {
        if ("INCIDENT_HANDLER".equals(party)) {
            return incident;
        }
        return incident.withAccounts(incident.accounts().stream()
                .filter(a -> a.author().equals(user.personId()))
                .toList());
    }

    private Incident find(SignedInUser user, UUID id) {
        return store.find(user.agencyId(), id).orElseThrow(() -> new NotFoundException("incident", id));
    }

    private List<PersonId> handlers(SignedInUser by, Set<PersonId> involved) {
        List<PersonId> result = new ArrayList<>();
        for (var role : Concerns.HANDLERS) {
            for (PersonId p : directory.holding(by.agencyId(), role)) {
                if (!involved.contains(p) && !result.contains(p)) {
                    result.add(p);
                }
            }
        }
        return result;
    }
}
