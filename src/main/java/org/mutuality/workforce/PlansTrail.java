package org.mutuality.workforce;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;

/**
 * The one way a work plan or a wellness plan is read or written: each read is asked of the access
 * guard for the person the plan is about, vouched for as the party the plan names (or none), and
 * audited, allowed or refused; each write is audited about that person. An audit entry keeps the
 * record's kind, its id and what was done, never a word the person wrote.
 */
@Component
class PlansTrail {

    private final AccessGuard guard;
    private final AuditLog audit;
    private final RelationshipRegister relationships;

    PlansTrail(AccessGuard guard, AuditLog audit, RelationshipRegister relationships) {
        this.guard = guard;
        this.audit = audit;
        this.relationships = relationships;
    }

    /**
     * Asks the guard whether the reader, vouched for as {@code party} (null for none), reads this
     * record about the subject, and audits the answer.
     *
     * @return the basis, or null when refused
     */
    @Nullable
    Basis read(SignedInUser reader, PersonId subject, RecordKind kind, @Nullable Basis party, Object record) {
        AccessDecision decision = guard.decide(reader, subject, kind, kind.usualPurpose(), party);
        Basis basis = decision instanceof AccessDecision.Granted granted ? granted.basis() : null;
        AuditOutcome outcome = basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED;
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, outcome)
                .about(subject.value(), kind.name(), record.toString())
                .because(kind.usualPurpose(), basis));
        return basis;
    }

    /** Audits a write about the subject; {@code what} says what was done, never what was written. */
    void written(SignedInUser by, PersonId subject, RecordKind kind, Object record, String what) {
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject.value(), kind.name(), record.toString())
                .noting(what));
    }

    /**
     * The day the reader began supervising the person, by the register ({@code SUPERVISES} today; the
     * earliest day when there are several, {@link LocalDate#MIN} when the register gives none), or
     * null when the reader does not supervise them today.
     */
    @Nullable
    LocalDate supervisesSince(AgencyId agency, PersonId reader, PersonId person) {
        Map<PersonId, LocalDate> since = new HashMap<>();
        for (Relationship r : relationships.currentOf(agency, person)) {
            if (r.kind() == RelationshipKind.SUPERVISES
                    && r.personA().equals(reader)
                    && r.personB().equals(person)
                    && !reader.equals(person)) {
                LocalDate start = r.startDate() == null ? LocalDate.MIN : r.startDate();
                since.merge(person, start, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return since.get(person);
    }

    /** The people the supervisor supervises today, by the register. Never null. */
    java.util.List<PersonId> superviseesOf(AgencyId agency, PersonId supervisor) {
        return relationships.currentOf(agency, supervisor).stream()
                .filter(r -> r.kind() == RelationshipKind.SUPERVISES
                        && r.personA().equals(supervisor)
                        && !r.personB().equals(supervisor))
                .map(Relationship::personB)
                .distinct()
                .toList();
    }
}
