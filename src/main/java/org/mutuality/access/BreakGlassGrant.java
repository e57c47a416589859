package org.mutuality.access;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * One use of break-the-glass: a reader opened one kind of a person's record until {@code expiresAt}.
 * {@code overrodeDirective} says the person's lockbox was set aside (serious harm only). The review
 * is empty until the privacy lead judges the use.
 */
public record BreakGlassGrant(
        UUID id,
        PersonId reader,
        PersonId subject,
        RecordKind kind,
        BreakGlassReason reason,
        String detail,
        Instant grantedAt,
        Instant expiresAt,
        boolean overrodeDirective,
        @Nullable Review review) {

    /** The privacy lead's judgement of one use. */
    public record Review(
            Outcome outcome,
            PersonId reviewer,
            Instant reviewedAt,
            @Nullable String note) {}

    public enum Outcome {
        JUSTIFIED,
        NOT_JUSTIFIED
    }

    public BreakGlassGrant {
        Objects.requireNonNull(id, "id");
        if (!expiresAt.isAfter(grantedAt)) {
            throw new IllegalArgumentException("a grant must expire after it is granted, was " + expiresAt);
        }
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
    }

    /** Whether this grant opens this kind of the subject's record to this reader at this time. */
    public boolean opens(PersonId reader, PersonId subject, RecordKind kind, Instant now) {
        return this.reader.equals(reader) && this.subject.equals(subject) && this.kind == kind && activeAt(now);
    }
}
