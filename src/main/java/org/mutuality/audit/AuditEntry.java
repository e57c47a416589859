package org.mutuality.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A recorded entry, with its place in the chain once sealed ({@code seq} null before). */
public record AuditEntry(
        UUID id,
        Instant recordedAt,
        @Nullable Long seq,
        @Nullable UUID actorId,
        @Nullable String actorRoles,
        String action,
        @Nullable UUID subjectId,
        @Nullable String recordKind,
        @Nullable String recordId,
        @Nullable String purpose,
        @Nullable String basis,
        String outcome,
        @Nullable String detail) {

    /** The same entry, sealed into its chain at {@code seq}. */
    public AuditEntry sealedAs(long seq) {
        return new AuditEntry(
                id,
                recordedAt,
                seq,
                actorId,
                actorRoles,
                action,
                subjectId,
                recordKind,
                recordId,
                purpose,
                basis,
                outcome,
                detail);
    }
}
