package org.mutuality.workforce;

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
import org.springframework.stereotype.Component;

/**
 * The one way a training record is read or written. Every read is asked of the access guard for the
 * person the record is about, vouched for as the party the record names (or none), and audited,
 * allowed or refused; every write is audited about that person. The audit log keeps the record's
 * kind, id and a short note of what was done, never the record's text.
 */
@Component
class TrainingTrail {

    private final AccessGuard guard;
    private final AuditLog audit;

    TrainingTrail(AccessGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Asks the guard whether the reader, vouched for as {@code party} (null for none), reads a record
     * of this kind about the subject, and audits the answer.
     *
     * @return the basis, or null when refused
     */
    @Nullable
    Basis read(SignedInUser reader, PersonId subject, RecordKind kind, @Nullable Basis party, Object record) {
        AccessDecision decision = guard.decide(reader, subject, kind, kind.usualPurpose(), party);
        Basis basis = decision instanceof AccessDecision.Granted g ? g.basis() : null;
        audit.recordRead(
                AuditEvent.by(reader, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                        .about(subject.value(), kind.name(), record.toString())
                        .because(kind.usualPurpose(), basis));
        return basis;
    }

    /**
     * Audits a refused read of a record the reader is no party to, without asking the guard: a
     * training record is read by its parties only, so neither the subject's own basis nor a
     * break-the-glass grant opens it to anyone else.
     */
    void refused(SignedInUser reader, PersonId subject, RecordKind kind, Object record) {
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), record.toString())
                .because(kind.usualPurpose(), null));
    }

    /** Audits a write about the subject; {@code what} says what was done, never what was written. */
    void written(SignedInUser by, PersonId subject, RecordKind kind, Object record, String what) {
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject.value(), kind.name(), record.toString())
                .noting(what));
    }
}
