package org.mutuality.audit;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;

/**
 * What happened, for the log: who (and in which roles), what action, whose record, which record,
 * for what purpose, on what basis, with what outcome. {@code detail} is a short technical note and
 * must never hold personal data: no names, no note text.
 */
public record AuditEvent(
        AgencyId agencyId,
        @Nullable UUID actorId,
        @Nullable String actorRoles,
        AuditAction action,
        @Nullable UUID subjectId,
        @Nullable String recordKind,
        @Nullable String recordId,
        @Nullable String purpose,
        @Nullable String basis,
        AuditOutcome outcome,
        @Nullable String detail) {

    public AuditEvent {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        // Fields that name a kind of thing must fit their column: an entry the database would refuse
        // is refused here, while the act can still be stopped, not later by a batch writer.
        fits("recordKind", recordKind, 40);
        fits("purpose", purpose, 40);
        fits("basis", basis, 60);
        actorRoles = clip(actorRoles, 400);
        recordId = clip(recordId, 100);
        detail = clip(detail, 500);
    }

    /** An event by a signed-in person; the rest is filled in with the {@code with...} methods. */
    public static AuditEvent by(Actor actor, AuditAction action, AuditOutcome outcome) {
        return new AuditEvent(
                actor.agencyId(),
                actor.actorPersonId(),
                String.join(",", actor.roleNames()),
                action,
                null,
                null,
                null,
                null,
                null,
                outcome,
                null);
    }

    public AuditEvent about(@Nullable UUID subject, @Nullable String kind, @Nullable String id) {
        return new AuditEvent(
                agencyId, actorId, actorRoles, action, subject, kind, id, purpose, basis, outcome, detail);
    }

    /** Why, in words of the module that records it: the purpose, and the basis the reader had. */
    public AuditEvent because(@Nullable String purpose, @Nullable String basis) {
        return new AuditEvent(
                agencyId,
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

    /** Why, as a module's own types say it (such as the access module's purpose and basis). */
    public AuditEvent because(Enum<?> purpose, @Nullable Enum<?> basis) {
        return because(purpose.name(), basis == null ? null : basis.name());
    }

    public AuditEvent noting(@Nullable String detail) {
        return new AuditEvent(
                agencyId,
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

    private static void fits(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalStateException("audit " + field + " is longer than " + max + " characters");
        }
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
