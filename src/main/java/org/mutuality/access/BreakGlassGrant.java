package org.mutuality.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * One use of break-the-glass: a reader opened one kind of a person's record until {@code expiresAt}.
 * {@code overrodeDirective} says the person's lockbox was set aside (serious harm only). The review
 * is empty until the privacy lead judges the use.
 */
public record BreakGlassGrant(
        BreakGlassGrantId id,
        PersonId reader,
        PersonId subject,
        RecordKind kind,
        BreakGlassReason reason,
        String detail,
        Instant grantedAt,
        Instant expiresAt,
        boolean overrodeDirective,
        @Nullable Review review) {

    /** The fewest characters that say what is happening. */
    static final int DETAIL_MINIMUM = 10;

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
            throw new IllegalStateException("a grant must expire after it is granted, was " + expiresAt);
        }
    }

    /**
     * A new grant, open from {@code at} for {@code lifetime}.
     *
     * @param overridesDirective whether it sets the person's lockbox aside
     * @throws BadInputException when the detail does not say what is happening in 10 to 1,000
     *     characters
     */
    public static BreakGlassGrant open(
            PersonId reader,
            PersonId subject,
            RecordKind kind,
            BreakGlassReason reason,
            @Nullable String detail,
            boolean overridesDirective,
            Instant at,
            Duration lifetime) {
        String said = Text.trimmed(detail);
        if (said.length() < DETAIL_MINIMUM || said.length() > Text.Limit.NOTE.characters()) {
            throw new BadInputException("breakGlass.detailLength");
        }
        Text.checked("detail", said);
        return new BreakGlassGrant(
                BreakGlassGrantId.random(),
                reader,
                subject,
                kind,
                reason,
                said,
                at,
                at.plus(lifetime),
                overridesDirective,
                null);
    }

    /**
     * The privacy lead's judgement of this use; a use judged not justified needs a note.
     *
     * @throws ConflictException when the use was already reviewed, or is the reviewer's own
     * @throws BadInputException when the note is missing for {@code NOT_JUSTIFIED} or over 1,000
     *     characters
     */
    public BreakGlassGrant review(PersonId reviewer, Outcome outcome, @Nullable String note, Instant at) {
        if (review != null) {
            throw new ConflictException(
                    "breakGlass.alreadyReviewed",
                    Explanation.term(
                            "breakGlass.outcome." + review.outcome().name(),
                            review.outcome().name()));
        }
        if (reader.equals(reviewer)) {
            throw new ConflictException("breakGlass.ownUse");
        }
        String why = Text.optional("note", note, Text.Limit.NOTE);
        if (outcome == Outcome.NOT_JUSTIFIED && why == null) {
            throw new BadInputException("breakGlass.reviewNote.required");
        }
        return new BreakGlassGrant(
                id,
                reader,
                subject,
                kind,
                reason,
                detail,
                grantedAt,
                expiresAt,
                overrodeDirective,
                new Review(outcome, reviewer, at, why));
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(grantedAt) && now.isBefore(expiresAt);
    }

    /** Whether this grant opens this kind of the subject's record to this reader at this time. */
    public boolean opens(PersonId reader, PersonId subject, RecordKind kind, Instant now) {
        return this.reader.equals(reader) && this.subject.equals(subject) && this.kind == kind && activeAt(now);
    }
}
