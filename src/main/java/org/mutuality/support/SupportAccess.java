package org.mutuality.support;

import java.util.List;
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
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Asks the access guard for every read of a person's support record or referral and writes the
 * audit entry, a refused one included. Callers run in a transaction that does not roll back on
 * {@link ForbiddenException}, so the refusal stays on the record.
 */
@Component
class SupportAccess {

    private final AccessGuard guard;
    private final AuditLog audit;
    private final Directory directory;

    SupportAccess(AccessGuard guard, AuditLog audit, Directory directory) {
        this.guard = guard;
        this.audit = audit;
        this.directory = directory;
    }

    /**
     * The basis on which the reader reads this record, audited.
     *
     * @param party the basis the module vouches for, or null
     * @throws ForbiddenException when the guard refuses (the refusal is audited first)
     */
    Basis read(
            SignedInUser reader,
            PersonId subject,
            RecordKind kind,
            Purpose purpose,
            @Nullable Basis party,
            @Nullable String recordId) {
        Basis basis = basis(reader, subject, kind, purpose, party, recordId);
        if (basis == null) {
            throw new ForbiddenException("support.notYourRecord");
        }
        return basis;
    }

    /** As {@link #read}, but answers null instead of throwing when refused (still audited). */
    @Nullable
    Basis basis(
            SignedInUser reader,
            PersonId subject,
            RecordKind kind,
            Purpose purpose,
            @Nullable Basis party,
            @Nullable String recordId) {
        AccessDecision decision = guard.decide(reader, subject, kind, purpose, party);
        if (!decision.allowed() && purpose == Purpose.SUPPORT && kind == RecordKind.SUPPORT_NOTES) {
            AccessDecision supervision = guard.decide(reader, subject, kind, Purpose.SUPERVISION, party);
            if (supervision.allowed()) {
                decision = supervision;
                purpose = Purpose.SUPERVISION;
            }
        }
        if (decision instanceof AccessDecision.Granted granted) {
            audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.ALLOWED)
                    .about(subject.value(), kind.name(), recordId)
                    .because(purpose, granted.basis()));
            return granted.basis();
        }
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), recordId)
                .because(purpose.name(), null));
        return null;
    }

    /**
     * Whether the guard would let the reader read this record, without an audit entry: for deciding
     * what an answer may say about a record (that it exists), never for showing it.
     */
    boolean allows(SignedInUser reader, PersonId subject, RecordKind kind, Purpose purpose, @Nullable Basis party) {
        return guard.decide(reader, subject, kind, purpose, party).allowed();
    }

    /**
     * Whether the reader may write support records about the person: only the assigned peer worker,
     * never on a break-the-glass grant.
     */
    boolean mayWrite(SignedInUser writer, PersonId subject) {
        AccessDecision decision = guard.decide(writer, subject, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT);
        return decision.writable() && ((AccessDecision.Granted) decision).basis() == Basis.ASSIGNMENT;
    }

    /**
     * Refuses a writer who is not the assigned peer worker, after auditing the refusal: a
     * break-the-glass grant with the read-only message, anyone else with {@code refusal} (which hides
     * the person from a writer who may not see them, see {@link SignedInUser#refusalAbout}).
     *
     * @throws ForbiddenException unless the writer may write support records about the person
     */
    void requireWritable(SignedInUser writer, PersonId subject, RuntimeException refusal) {
        AccessDecision decision = guard.decide(writer, subject, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT);
        if (decision.writable() && ((AccessDecision.Granted) decision).basis() == Basis.ASSIGNMENT) {
            return;
        }
        refusedWrite(writer, subject, RecordKind.SUPPORT_NOTES);
        if (decision instanceof AccessDecision.Granted granted && granted.fromGrant()) {
            throw new ForbiddenException("access.breakGlass.readOnly");
        }
        throw refusal;
    }

    void written(SignedInUser writer, PersonId subject, RecordKind kind, String recordId, String what) {
        audit.record(AuditEvent.by(writer, AuditAction.WRITE, AuditOutcome.DONE)
                .about(subject.value(), kind.name(), recordId)
                .noting(what));
    }

    /** Audits a refused read of a record that is the reader's own only, without asking the guard. */
    void refusedRead(SignedInUser reader, PersonId subject, RecordKind kind, Purpose purpose, String recordId) {
        audit.recordRead(AuditEvent.by(reader, AuditAction.READ, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), recordId)
                .because(purpose.name(), null));
    }

    void refusedWrite(SignedInUser writer, PersonId subject, RecordKind kind) {
        audit.record(AuditEvent.by(writer, AuditAction.WRITE, AuditOutcome.DENIED)
                .about(subject.value(), kind.name(), null));
    }

    /**
     * Whether the person coordinates the program ({@link Directory#coordinates}): a supervisor or
     * manager of that program, or of the whole agency.
     */
    boolean coordinates(SignedInUser user, @Nullable ProgramId program) {
        return (user.has(Role.SUPERVISOR) || user.has(Role.MANAGER))
                && directory.coordinates(user.agencyId(), user.personId(), program);
    }

    /**
     * The programs the person coordinates ({@link #coordinates}), so that a list can ask its store
     * for their records alone; none when they coordinate nothing.
     */
    List<ProgramId> programsCoordinatedBy(SignedInUser user) {
        if (!coordinatesAny(user)) {
            return List.of();
        }
        return directory.programs(user.agencyId()).stream()
                .map(Program::id)
                .filter(program -> coordinates(user, program))
                .toList();
    }

    /** Whether the person coordinates any program. */
    boolean coordinatesAny(SignedInUser user) {
        return coordinates(user, null);
    }
}
