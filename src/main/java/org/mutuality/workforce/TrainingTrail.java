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
 * The one way a training file is read or written ({@code TRAINING_RECORDS}). A read is asked of the
 * access guard for the person the file belongs to, vouched for as the reader's part (or none), and
 * audited, allowed or refused; a write is audited about that person. The audit log keeps the
 * record's id and a short note of what was done, never what the record holds.
 */
@Component
class TrainingTrail {

    private static final RecordKind KIND = RecordKind.TRAINING_RECORDS;

    private final AccessGuard guard;
    private final AuditLog audit;

    TrainingTrail(AccessGuard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /**
     * The basis on which the reader, vouched for as {@code party} (null for none), reads the
     * subject's file, audited either way.
     *
     * @return the basis, or null when the guard refuses
     */
    @Nullable
    Basis read(SignedInUser reader, PersonId subject, @Nullable Basis party, Object record) {
        AccessDecision answer = guard.decide(reader, subject, KIND, KIND.usualPurpose(), party);
        Basis granted = answer instanceof AccessDecision.Granted g ? g.basis() : null;
        AuditOutcome outcome = granted == null ? AuditOutcome.DENIED : AuditOutcome.ALLOWED;
        audit.recordRead(
                entry(reader, AuditAction.READ, outcome, subject, record).because(KIND.usualPurpose(), granted));
        return granted;
    }

    /**
     * Audits the refused read of someone who is no party to the file, without asking the guard: no
     * break-the-glass grant opens a training file.
     */
    void refused(SignedInUser reader, PersonId subject, Object record) {
        audit.recordRead(entry(reader, AuditAction.READ, AuditOutcome.DENIED, subject, record)
                .because(KIND.usualPurpose(), null));
    }

    /** Audits a write about the subject; {@code what} says what was done, never what was written. */
    void written(SignedInUser by, PersonId subject, Object record, String what) {
        audit.record(
                entry(by, AuditAction.WRITE, AuditOutcome.DONE, subject, record).noting(what));
    }

    private static AuditEvent entry(
            SignedInUser who, AuditAction action, AuditOutcome outcome, PersonId subject, Object record) {
        return AuditEvent.by(who, action, outcome).about(subject.value(), KIND.name(), record.toString());
    }
}
