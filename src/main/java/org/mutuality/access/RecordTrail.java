package org.mutuality.access;

import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * The one way a module reads or writes a record that its own parties read (a supervision session, a
 * journal entry, a training file, a work plan, an onboarding plan): every read is asked of the access
 * guard for the person the record is about, vouched for as the party the module says the reader is (or
 * none), and audited, allowed or refused; every write is audited about that person. The audit log keeps
 * the record's kind, its id and a short note of what was done, never what the record says.
 */
@Component
public class RecordTrail {

    private final AccessGuard guard;
    private final AuditLog audit;

    RecordTrail(AccessGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * Asks the guard whether the reader, vouched for as {@code party} (null for none), reads a record
     * of this kind about the subject, and audits the answer.
     *
     * @param record the record's id (or a short name when it has none yet), for the audit
     * @return the basis, or null when refused
     */
    public @Nullable Basis read(
            SignedInUser reader, PersonId subject, RecordKind kind, @Nullable Basis party, Object record) {
        AccessDecision decision = guard.decide(reader, subject, kind, kind.usualPurpose(), party);
        Basis basis = decision instanceof AccessDecision.Granted granted ? granted.basis() : null;
        audit.recordRead(
                AuditEvent.by(reader, AuditAction.READ, basis == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED)
                        .about(subject.value(), kind.name(), record.toString())
                        .because(kind.usualPurpose(), basis));
        return basis;
    }

    /**
     * Audits a refused read by someone who is no party to the record, without asking the guard: such a
     * record is read by its parties only, so neither a role nor a break-the-glass grant opens it.
     */
    public void refused(SignedInUser reader, PersonId subject, RecordKind kind, Object record) {
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), record.toString())
                .because(kind.usualPurpose(), null));
    }

    /** Audits a write about the subject; {@code what} says what was done, never what was written. */
    public void written(SignedInUser by, PersonId subject, RecordKind kind, Object record, String what) {
        audit.record(AuditEvent.by(by, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject.value(), kind.name(), record.toString())
                .noting(what));
    }
}
