package org.mutuality.workforce;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.AgencyCreated;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.workforce.conduct.ConductStore;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency's code of conduct and its staff's attestations (S19). The rules, in order:
 *
 * <ol>
 *   <li>Every agency has a code from the moment it exists: Mutuality's starting text as version 1
 *       ({@link #on(AgencyCreated)}; the V34 migration gave it to the agencies that existed then).
 *   <li>Anyone signed in to the agency may read every version: the code is the agency's public word
 *       to its staff and the people it serves.
 *   <li>The privacy lead or a manager publishes a new version, in English and French, with a reason.
 *       A version is never changed or removed; each edit is the next version.
 *   <li>Every staff member, peer or not, attests the current version; the same rule for all (S13).
 *       Someone who only receives the agency's services has nothing to attest. Only the current
 *       version can be attested, and only by the person themself.
 *   <li>The privacy lead or a manager sees who has not attested the current version yet; reading
 *       that list is audited.
 * </ol>
 *
 * Publishing and attesting are audited in the same transaction as the act. Methods never return
 * null.
 */
@Service
public class CodeOfConduct {

    private final ConductStore store;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    CodeOfConduct(ConductStore store, Directory directory, AuditLog audit, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** Gives a new agency the starting text, in the transaction that creates the agency. */
    @EventListener
    void on(AgencyCreated created) {
        store.startWith(created.agencyId(), clock.instant());
    }

    /** The agency's current version. */
    @Transactional(readOnly = true)
    public ConductVersion current(SignedInUser reader) {
        return current(reader.agencyId());
    }

    /**
     * A version of the reader's agency.
     *
     * @throws NotFoundException when the agency has no version of that number
     */
    @Transactional(readOnly = true)
    public ConductVersion version(SignedInUser reader, int number) {
        return store.version(reader.agencyId(), number)
                .orElseThrow(() -> new NotFoundException("notFound.conductVersion", number));
    }

    /** Every version of the reader's agency, newest first. */
    @Transactional(readOnly = true)
    public List<ConductVersion> versions(SignedInUser reader) {
        return store.versions(reader.agencyId());
    }

    /** Whether the person publishes new versions: the privacy lead or a manager. */
    public boolean mayPublish(SignedInUser user) {
        return user.isPrivacyLead() || user.has(Role.MANAGER);
    }

    /**
     * Publishes the next version ({@link ConductVersion#next}). Staff attest it at their next sign-in.
     *
     * @throws ForbiddenException unless the person {@link #mayPublish may publish}
     * @throws BadInputException when the reason is missing or too long, or the text is unchanged
     * @throws ConflictException when someone else published a version meanwhile
     */
    @Transactional
    public ConductVersion publish(SignedInUser by, ConductText text, String reason) {
        if (!mayPublish(by)) {
            throw new ForbiddenException("conduct.publishersOnly");
        }
        ConductVersion next = current(by.agencyId()).next(text, by.personId(), reason, clock.instant());
        try {
            store.insert(by.agencyId(), next);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("conduct.publishedMeanwhile", next.number());
        }
        audit.record(AuditEvent.by(by, AuditAction.POLICY_CHANGE, AuditOutcome.DONE)
                .about(null, "CODE_OF_CONDUCT", Integer.toString(next.number()))
                .noting("version " + next.number() + " published"));
        return next;
    }

    /** Where the signed-in person stands: the current version and the latest they attested. */
    @Transactional(readOnly = true)
    public AttestationStatus status(SignedInUser user) {
        return new AttestationStatus(
                current(user.agencyId()).number(),
                store.latest(user.agencyId(), user.personId())
                        .map(Attestation::version)
                        .orElse(null),
                user.isStaff());
    }

    /**
     * The signed-in staff member attests {@code version}, which must be the current one. Attesting a
     * version again keeps the first attestation.
     *
     * @throws ForbiddenException when the person is not staff: they have nothing to attest
     * @throws NotFoundException when the agency has no such version
     * @throws ConflictException when it is an earlier version than the current one
     */
    @Transactional
    public Attestation attest(SignedInUser user, int version) {
        if (!user.isStaff()) {
            throw new ForbiddenException("conduct.staffOnly");
        }
        Attestation attestation = store.attest(
                user.agencyId(), current(user.agencyId()).attest(user.personId(), version, clock.instant()));
        audit.record(AuditEvent.by(user, AuditAction.WRITE, AuditOutcome.DONE)
                .about(user.personId().value(), "CODE_OF_CONDUCT_ATTESTATION", Integer.toString(version))
                .noting("attested version " + version));
        return attestation;
    }

    /**
     * Who among today's active staff has attested the current version; the read is audited.
     *
     * @throws ForbiddenException unless the person {@link #mayPublish may publish}
     */
    @Transactional
    public AttestationReport report(SignedInUser reader) {
        if (!mayPublish(reader)) {
            throw new ForbiddenException("conduct.reportForPublishers");
        }
        int current = current(reader.agencyId()).number();
        LocalDate today = LocalDate.now(clock);
        Map<PersonId, Attestation> latest = store.latestByPerson(reader.agencyId());
        List<AttestationReport.Row> rows = directory.everyone(reader.agencyId()).stream()
                .filter(p -> p.active() && p.isStaffOn(today))
                .map(p -> {
                    Attestation a = latest.get(p.id());
                    return new AttestationReport.Row(
                            p.id(), p.displayName(), a == null ? null : a.version(), a == null ? null : a.at());
                })
                .sorted(Comparator.comparing((AttestationReport.Row r) -> r.attestedCurrent(current))
                        .thenComparing(AttestationReport.Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.ALLOWED)
                .about(null, "CODE_OF_CONDUCT_REPORT", Integer.toString(current))
                .because("STAFF_OVERSIGHT", reader.isPrivacyLead() ? "PRIVACY_LEAD" : "MANAGER")
                .noting(rows.size() + " staff"));
        return new AttestationReport(current, rows);
    }

    /**
     * How many attestations each person of the agency made since {@code from}: for the parity
     * report, which shows the rule is the same for peer staff and other staff.
     */
    @Transactional(readOnly = true)
    public Map<PersonId, Integer> attestationsSince(AgencyId agency, Instant from) {
        return store.countsSince(agency, from);
    }

    /**
     * Whether the signed-in person must attest before going on: staff who have not attested the
     * current version.
     */
    @Transactional(readOnly = true)
    public boolean due(SignedInUser user) {
        return user.isStaff() && status(user).due();
    }

    private ConductVersion current(AgencyId agency) {
        return store.current(agency)
                .orElseThrow(() -> new IllegalStateException(
                        "agency " + agency.value() + " has no code of conduct: every agency gets one when created"));
    }
}
