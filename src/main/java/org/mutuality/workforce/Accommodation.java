package org.mutuality.workforce;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * An accommodation a staff member asked for, and the agency's answer. The person writes it and
 * decides two things on their own: whether to send it to be answered (then a manager reads this
 * request, and nothing else of the person's wellness plan) and whether their supervisor sees it. A
 * manager answers a sent request once; the person may ask again with a new request.
 *
 * @param sharedAt since when the person's supervisor may read it, or null
 * @param sentAt when the person sent it to be answered, or null while it is only theirs
 * @param answer the agency's answer, or null
 */
public record Accommodation(
        AccommodationId id,
        PersonId person,
        String request,
        Instant writtenAt,
        @Nullable Instant sharedAt,
        @Nullable Instant sentAt,
        @Nullable Answer answer,
        int version) {

    /** The longest request or answer, in characters. */
    public static final Text.Limit LIMIT = Text.Limit.MESSAGE;

    /** What the agency answered. */
    public enum Outcome {
        AGREED,
        AGREED_IN_PART,
        NOT_POSSIBLE
    }

    /** The agency's answer: who gave it, when, and in what words. */
    public record Answer(Outcome outcome, String text, PersonId by, Instant at) {
        public Answer {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    public Accommodation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /**
     * A new request, private to the person until they send or share it.
     *
     * @throws org.mutuality.shared.BadInputException when the request is blank or too long
     */
    public static Accommodation ask(PersonId person, @Nullable String request, Instant at) {
        return new Accommodation(
                AccommodationId.random(), person, Text.required("request", request, LIMIT), at, null, null, null, 0);
    }

    /** The request shared with the person's supervisor from {@code at}, or private again; unchanged if already so. */
    public Accommodation sharing(boolean shared, Instant at) {
        Instant since = shared ? (sharedAt == null ? at : sharedAt) : null;
        return new Accommodation(id, person, request, writtenAt, since, sentAt, answer, version);
    }

    /**
     * The request sent to be answered.
     *
     * @throws ConflictException ({@code accommodation.alreadySent}) when it was sent already
     */
    public Accommodation send(Instant at) {
        if (sentAt != null) {
            throw new ConflictException("accommodation.alreadySent");
        }
        return new Accommodation(id, person, request, writtenAt, sharedAt, at, answer, version);
    }

    /**
     * The request answered.
     *
     * @throws org.mutuality.shared.BadInputException when the answer's text is blank or too long
     * @throws ConflictException when the request was not sent ({@code accommodation.notSent}), is
     *     answered already ({@code accommodation.answeredAlready}), or is the answerer's own ({@code
     *     accommodation.ownRequest})
     */
    public Accommodation answer(Outcome outcome, @Nullable String text, PersonId by, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        String said = Text.required("answer", text, LIMIT);
        if (by.equals(person)) {
            throw new ConflictException("accommodation.ownRequest");
        }
        if (sentAt == null) {
            throw new ConflictException("accommodation.notSent");
        }
        if (answer != null) {
            throw new ConflictException("accommodation.answeredAlready");
        }
        return new Accommodation(
                id, person, request, writtenAt, sharedAt, sentAt, new Answer(outcome, said, by, at), version);
    }

    public boolean shared() {
        return sharedAt != null;
    }

    public boolean sent() {
        return sentAt != null;
    }
}
