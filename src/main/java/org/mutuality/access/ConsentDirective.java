package org.mutuality.access;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A person's instruction to withhold their record (or one kind of it) from a named person or from
 * a purpose. Asking that a particular clinician no longer be involved is such an instruction.
 */
public record ConsentDirective(
        UUID id,
        PersonId person,
        @Nullable PersonId withheldFrom,
        @Nullable Purpose purpose,
        @Nullable RecordKind recordKind,
        @Nullable String note,
        PersonId createdBy,
        Instant createdAt,
        @Nullable Instant withdrawnAt) {

    public boolean active() {
        return withdrawnAt == null;
    }

    /** Whether this directive withholds the record from this reader, for this kind and purpose. */
    public boolean withholds(PersonId reader, RecordKind kind, Purpose readPurpose) {
        return active()
                && (withheldFrom == null || withheldFrom.equals(reader))
                && (purpose == null || purpose == readPurpose)
                && (recordKind == null || recordKind == kind);
    }
}
