package org.mutuality.safety;

import org.jspecify.annotations.Nullable;
import org.mutuality.access.AccessDecision;
import org.mutuality.access.AccessGuard;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The one way a safety record is read or written: every read is asked of the access guard for the
 * person the record is about ({@code SAFETY_RECORDS}, purpose {@code SAFETY}) and audited, allowed or
 * refused; every write is audited about that person.
 */
@Component
class SafetyTrail {

    private final AccessGuard guard;
    private final AuditLog audit;

    SafetyTrail(AccessGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Asks the guard whether the reader, vouched for as {@code party} (null for none), reads a record
     * about the subject, and audits the answer.
     *
     * @return the basis, or null when refused
     */
    @Nullable
    Basis read(SignedInUser reader, PersonId subject, @Nullable Basis party, Object record) {
        return recorded(reader, decide(reader, subject, party), subject, record);
    }

    /** What the guard answers the reader, vouched for as {@code party} (null for none), about the subject. */
    AccessDecision decide(SignedInUser reader, PersonId subject, @Nullable Basis party) {
        return guard.decide(reader, subject, RecordKind.SAFETY_RECORDS, Purpose.SAFETY, party);
    }

    /**
     * Audits a read decided by the caller, under the actor given (a pseudonym for the raiser of an
     * anonymous concern), with no subject when naming one would join two people.
     *
     * @return the basis, or null when refused
     */
    @Nullable
    Basis recorded(Actor actor, AccessDecision decision, @Nullable PersonId subject, Object record) {
        Basis basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        audit.recordRead(AuditEvent.by(
                        actor, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                .about(subject == null ? null : subject.value(), RecordKind.SAFETY_RECORDS.name(), record.toString())
                .because(Purpose.SAFETY, basis));
        return basis;
    }

    /** Audits a write about the subject (none for a concern about the program in general). */
    void written(Actor actor, @Nullable PersonId subject, Object record, String what) {
        audit.record(AuditEvent.by(actor, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject == null ? null : subject.value(), RecordKind.SAFETY_RECORDS.name(), record.toString())
                .noting(what));
    }
}
