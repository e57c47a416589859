package org.mutuality.safety;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A concern about a staff member's conduct, and the steps people take on it: raised, taken by a
 * handler, answered, closed. Each step checks that it is possible from the current state and returns
 * the new state as a value ({@link Moved}); saving it, and who may take it, are {@link Concerns}'.
 *
 * @param raisedBy null for an anonymous concern, except in the view of the person who raised it: who
 *     raised one is sealed apart (ADR 0007)
 * @param about the staff member it is about, or null for the program in general
 * @param consultation the consultation its handler took it in hand on, whose safeguards stay with
 *     it; null when they took it without one, and in the view of the person who raised it
 * @param version the version it was read at; a step keeps it, and saving checks it
 */
public record Concern(
        ConcernId id,
        @Nullable PersonId raisedBy,
        boolean anonymous,
        @Nullable PersonId about,
        String text,
        Status status,
        @Nullable PersonId handler,
        @Nullable UUID consultation,
        @Nullable String answer,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Where a concern stands: raised, being looked at by a handler, answered, closed. */
    public enum Status {
        RAISED,
        IN_REVIEW,
        ANSWERED,
        CLOSED
    }

    /** A step taken on a concern. */
    public enum Step {
        TAKEN,
        ANSWERED,
        CLOSED;

        /** What the audit log notes, such as "concern taken". */
        public String noted() {
            return "concern " + name().toLowerCase(Locale.ROOT);
        }
    }

    /** The concern after a step, and the step. */
    public record Moved(Concern concern, Step step) {}

    /**
     * A new concern, about a staff member or about the program in general ({@code about} null). An
     * anonymous one does not name who raised it.
     *
     * @throws BadInputException when the text is under 10 or over 4,000 characters, or the concern is
     *     about the person raising it
     */
    public static Concern raise(PersonId by, @Nullable PersonId about, String text, boolean anonymous, Instant at) {
        String body = Text.required("text", text, 10, Text.Limit.BODY);
        if (by.equals(about)) {
            throw new BadInputException("concern.aboutSelf");
        }
        return new Concern(
                ConcernId.random(),
                anonymous ? null : by,
                anonymous,
                about,
                body,
                Status.RAISED,
                null,
                null,
                null,
                at,
                at,
                0);
    }

    /**
     * A handler takes the concern, once the conflict check between them and the person it is about is
     * cleared by what they bring: an acknowledgement, or a consultation about this, which the concern
     * then names.
     *
     * @throws ConflictException unless the concern is just raised, or when the check refuses
     * @throws org.mutuality.conflicts.AcknowledgementNeeded when it warns or asks for consultation
     *     and nothing clears it
     */
    public Moved take(PersonId by, ConflictDecision decision, GoAhead goAhead, Instant at) {
        if (status != Status.RAISED) {
            throw new ConflictException("concern.notRaised", state());
        }
        decision.requireCleared(goAhead);
        UUID consulted =
                goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
        return new Moved(with(raisedBy, Status.IN_REVIEW, by, consulted, answer, at), Step.TAKEN);
    }

    /**
     * Its handler answers (again, until it is closed).
     *
     * @throws ConflictException unless it is being looked at or answered
     * @throws BadInputException when the answer is under 10 or over 4,000 characters
     */
    public Moved answer(String text, Instant at) {
        if (status != Status.IN_REVIEW && status != Status.ANSWERED) {
            throw new ConflictException("concern.notInReview", state());
        }
        return move(Status.ANSWERED, handler, Text.required("answer", text, 10, Text.Limit.BODY), at, Step.ANSWERED);
    }

    /**
     * Closes the concern: the person who raised it at any time, its handler once it is answered.
     *
     * @throws ConflictException when it is closed already, or its handler closes it unanswered
     */
    public Moved close(boolean byRaiser, Instant at) {
        if (status == Status.CLOSED) {
            throw new ConflictException("concern.alreadyClosed");
        }
        if (!byRaiser && status != Status.ANSWERED) {
            throw new ConflictException("concern.notAnswered", state());
        }
        return move(Status.CLOSED, handler, answer, at, Step.CLOSED);
    }

    /**
     * The same concern as the person who raised it reads it: showing who raised it (themselves, for
     * an anonymous one), and not the consultation it was taken on (which would tell of the handler's
     * tie to the person it is about).
     */
    Concern forRaiser(PersonId raiser) {
        return with(raiser, status, handler, null, answer, updatedAt);
    }

    private Moved move(Status to, @Nullable PersonId by, @Nullable String text, Instant at, Step step) {
        return new Moved(with(raisedBy, to, by, consultation, text, at), step);
    }

    private Concern with(
            @Nullable PersonId raiser,
            Status to,
            @Nullable PersonId by,
            @Nullable UUID consulted,
            @Nullable String text,
            Instant at) {
        return new Concern(id, raiser, anonymous, about, this.text, to, by, consulted, text, createdAt, at, version);
    }

    private Object state() {
        return Explanation.term("concern.status." + status.name(), status.name());
    }
}
