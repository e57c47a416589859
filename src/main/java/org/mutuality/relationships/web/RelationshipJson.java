package org.mutuality.relationships.web;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.relationships.Relationship;

/** A relationship as the API shows it, with the consultation it went ahead on when it did. */
record RelationshipJson(
        UUID id,
        String kind,
        UUID personAId,
        UUID personBId,
        @Nullable LocalDate startDate,
        @Nullable LocalDate endDate,
        String source,
        @Nullable UUID declaredBy,
        String visibility,
        @Nullable String note,
        @Nullable UUID consultationId) {

    static RelationshipJson of(Relationship r) {
        return of(r, null);
    }

    /** With the consultation it went ahead on, when it did. */
    static RelationshipJson of(Relationship r, @Nullable UUID consultation) {
        return new RelationshipJson(
                r.id().value(),
                r.kind().name(),
                r.personA().value(),
                r.personB().value(),
                r.startDate(),
                r.endDate(),
                r.source().name(),
                r.declaredBy() == null ? null : r.declaredBy().value(),
                r.visibility().name(),
                r.note(),
                consultation);
    }
}
