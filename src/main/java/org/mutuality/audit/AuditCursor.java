package org.mutuality.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a log ends: the moment of its last entry and, for entries recorded in the same
 * moment, the id of that last entry (entries are ordered newest first, then by id). The next page
 * starts after it, so an entry that shares its moment with the page's last is never skipped.
 *
 * @param at the moment of the last entry shown
 * @param id the id of the last entry shown; null for a cursor that names a moment only
 */
public record AuditCursor(Instant at, @Nullable UUID id) {

    /** The cursor after this entry. */
    public static AuditCursor after(AuditEntry entry) {
        return new AuditCursor(entry.recordedAt(), entry.id());
    }
}
