package org.mutuality.practice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.ReturnPath;
import org.mutuality.shared.Text;

/**
 * A consultation before a hard call: the person about to act ({@code askedBy}) describes the
 * situation in which the conflict check asked them to consult, chooses a colleague without a
 * conflict, and that colleague answers with an outcome and a note. An answer "go ahead with
 * safeguards" lets the action it is about go ahead once ({@link #use}); the safeguards stay with it.
 *
 * <p>Steps: {@code WAITING_FOR_CONSULTANT} (asked, nobody chosen yet) → {@code ASKED} (a consultant
 * chosen; the asker may choose another until it is answered) → {@code ANSWERED} → {@code USED};
 * the asker may withdraw it before it is answered. Each step checks the state and refuses with the
 * state named; who is in the agency and who may read stays with {@link Consultations}.
 *
 * <p>While it is {@link #open}, the asker may attach what the dilemma navigator made of the situation
 * ({@link #reflect}), replace it, or take it off ({@link #unreflect}); once closed, it stays as it was.
 *
 * @param actor the person who would take the action
 * @param subject the person the action is about
 * @param returnTo the page where the action waits, for the asker to go back to once answered
 * @param usedFor what went ahead on it, once used
 * @param reflection the asker's dilemma navigator summary attached to it, or null
 */
public record Consultation(
        ConsultationId id,
        PersonId askedBy,
        Action action,
        PersonId actor,
        PersonId subject,
        String situation,
        @Nullable ReturnPath returnTo,
        Status status,
        @Nullable PersonId consultant,
        @Nullable Outcome outcome,
        @Nullable String note,
        List<String> safeguards,
        ConsultationClearance.@Nullable Used usedFor,
        Instant askedAt,
        @Nullable Instant answeredAt,
        @Nullable Instant usedAt,
        @Nullable Reflection reflection,
        int version) {

    /** The most safeguards an answer names. */
    public static final int MAX_SAFEGUARDS = 10;

    /** Where a consultation stands. */
    public enum Status {
        WAITING_FOR_CONSULTANT,
        ASKED,
        ANSWERED,
        USED,
        WITHDRAWN
    }

    /** What the consultant advises. */
    public enum Outcome {
        /** The action may go ahead, with the safeguards named. */
        GO_AHEAD_WITH_SAFEGUARDS,
        /** Someone else should take the action. */
        HAND_OVER,
        /** The action should not happen. */
        DO_NOT_GO_AHEAD
    }

    /**
     * The dilemma navigator's summary as the asker attached it: the text as it read for them, in their
     * language, on that day. Its readers are the consultation's.
     *
     * @param text the summary, at most 4,000 characters
     * @param language the language it is written in, for the page to say so
     * @param at when it was attached (or last replaced)
     */
    public record Reflection(String text, Locale language, Instant at) {

        public Reflection {
            text = Text.required("reflection", text, Text.Limit.BODY);
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(at, "at");
        }
    }

    public Consultation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        safeguards = List.copyOf(safeguards);
    }

    /**
     * A new consultation, asked by {@code by} about {@code actor} taking {@code action} over {@code
     * subject}.
     *
     * @throws BadInputException when the situation is under 10 or over 4,000 characters, or the actor
     *     and the subject are the same person
     */
    public static Consultation ask(
            PersonId by, Action action, PersonId actor, PersonId subject, @Nullable String situation, Instant at) {
        return ask(by, action, actor, subject, situation, null, at);
    }

    /** As {@link #ask(PersonId, Action, PersonId, PersonId, String, Instant)}, from the page where the action waits. */
    public static Consultation ask(
            PersonId by,
            Action action,
            PersonId actor,
            PersonId subject,
            @Nullable String situation,
            @Nullable ReturnPath returnTo,
            Instant at) {
        String text = Text.required("situation", situation, 10, Text.Limit.BODY);
        if (actor.equals(subject)) {
            throw new BadInputException("consultation.twoPeople");
        }
        return new Consultation(
                ConsultationId.random(),
                by,
                action,
                actor,
                subject,
                text,
                returnTo,
                Status.WAITING_FOR_CONSULTANT,
                null,
                null,
                null,
                List.of(),
                null,
                at,
                null,
                null,
                null,
                0);
    }

    /** Whether the person is one of the people the consultation is about, or asked it. */
    public boolean involves(PersonId person) {
        return person.equals(askedBy) || person.equals(actor) || person.equals(subject);
    }

    /** Whether it waits for an answer or was answered go-ahead and not used yet: still open for its asker. */
    public boolean open() {
        return status == Status.WAITING_FOR_CONSULTANT
                || status == Status.ASKED
                || (status == Status.ANSWERED && outcome == Outcome.GO_AHEAD_WITH_SAFEGUARDS);
    }

    /**
     * The asker chose the colleague to consult (again, while it is not answered). The conflict check
     * between the colleague and each person is the service's.
     *
     * @throws ForbiddenException unless {@code by} asked it
     * @throws ConflictException unless it waits for a consultant or an answer
     * @throws BadInputException when the colleague is the asker, the actor or the subject
     */
    public Consultation choose(PersonId by, PersonId colleague) {
        requireAsker(by);
        require(EnumSet.of(Status.WAITING_FOR_CONSULTANT, Status.ASKED));
        if (involves(colleague)) {
            throw new BadInputException("consultation.consultantInvolved");
        }
        return with(Status.ASKED, colleague, null, null, List.of(), null, null, null);
    }

    /**
     * The consultant answered.
     *
     * @throws ConflictException unless it waits for an answer (answering twice names the state)
     * @throws ForbiddenException when the asker answers their own consultation, or {@code by} is not
     *     the colleague it was asked of
     * @throws BadInputException when the note is missing or over 2,000 characters; when "go ahead"
     *     names no safeguard, another outcome names some, or a safeguard is blank, over 300 characters
     *     or one of more than ten
     */
    public Consultation answer(
            PersonId by, Outcome outcome, @Nullable String note, @Nullable List<String> safeguards, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        require(EnumSet.of(Status.ASKED));
        if (by.equals(askedBy)) {
            throw new ForbiddenException("consultation.askerDoesNotAnswer");
        }
        if (!by.equals(consultant)) {
            throw new ForbiddenException("consultation.notAskedOfYou");
        }
        String why = Text.required("note", note, Text.Limit.MESSAGE);
        List<String> named = safeguards(safeguards);
        if (outcome == Outcome.GO_AHEAD_WITH_SAFEGUARDS && named.isEmpty()) {
            throw new BadInputException("consultation.safeguardsNeeded");
        }
        if (outcome != Outcome.GO_AHEAD_WITH_SAFEGUARDS && !named.isEmpty()) {
            throw new BadInputException("consultation.safeguardsOnlyToGoAhead");
        }
        return with(Status.ANSWERED, consultant, outcome, why, named, null, at, null);
    }

    /**
     * The asker goes ahead with the action on this consultation: once, only for what it is about, and
     * only on a "go ahead" answer.
     *
     * @throws ForbiddenException unless {@code by} asked it
     * @throws ConflictException unless it is answered and not used; when it was answered otherwise
     *     than "go ahead", or is about another action, actor or subject
     */
    public Consultation use(
            PersonId by,
            Action forAction,
            PersonId forActor,
            PersonId forSubject,
            ConsultationClearance.Used what,
            Instant at) {
        requireAsker(by);
        require(EnumSet.of(Status.ANSWERED));
        if (outcome != Outcome.GO_AHEAD_WITH_SAFEGUARDS) {
            throw new ConflictException(
                    "consultation.doesNotClear",
                    Explanation.term("consultation.outcome." + outcome, String.valueOf(outcome)));
        }
        if (action != forAction || !actor.equals(forActor) || !subject.equals(forSubject)) {
            throw new ConflictException("consultation.aboutSomethingElse");
        }
        return with(Status.USED, consultant, outcome, note, safeguards, Objects.requireNonNull(what), answeredAt, at);
    }

    /**
     * The asker withdrew it before it was answered.
     *
     * @throws ForbiddenException unless {@code by} asked it
     * @throws ConflictException once it is answered or withdrawn
     */
    public Consultation withdraw(PersonId by) {
        requireAsker(by);
        require(EnumSet.of(Status.WAITING_FOR_CONSULTANT, Status.ASKED));
        return with(Status.WITHDRAWN, consultant, null, null, List.of(), null, null, null);
    }

    /**
     * The asker attaches their dilemma navigator summary, or replaces the one attached.
     *
     * @throws ForbiddenException unless {@code by} asked it
     * @throws ConflictException unless it is {@link #open} (withdrawn, used or advised against)
     */
    public Consultation reflect(PersonId by, Reflection given) {
        Objects.requireNonNull(given, "reflection");
        requireAsker(by);
        requireOpen();
        return reflecting(given);
    }

    /**
     * The asker takes their summary off.
     *
     * @throws ForbiddenException unless {@code by} asked it
     * @throws ConflictException unless it is {@link #open}, or when none is attached
     */
    public Consultation unreflect(PersonId by) {
        requireAsker(by);
        requireOpen();
        if (reflection == null) {
            throw new ConflictException("consultation.noReflection");
        }
        return reflecting(null);
    }

    private void requireOpen() {
        if (!open()) {
            throw new ConflictException(
                    "consultation.notNow", Explanation.term("consultation.status." + status.name(), status.name()));
        }
    }

    private void requireAsker(PersonId by) {
        if (!by.equals(askedBy)) {
            throw new ForbiddenException("consultation.onlyAsker");
        }
    }

    private void require(Set<Status> allowed) {
        if (!allowed.contains(status)) {
            throw new ConflictException(
                    "consultation.notNow", Explanation.term("consultation.status." + status.name(), status.name()));
        }
    }

    private static List<String> safeguards(@Nullable List<String> given) {
        List<String> kept = new ArrayList<>();
        for (String s : given == null ? List.<String>of() : given) {
            kept.add(Text.required("safeguards", s, Text.Limit.LINE));
        }
        if (kept.size() > MAX_SAFEGUARDS) {
            throw new BadInputException("consultation.tooManySafeguards", MAX_SAFEGUARDS, kept.size());
        }
        return kept;
    }

    private Consultation with(
            Status to,
            @Nullable PersonId colleague,
            @Nullable Outcome answer,
            @Nullable String why,
            List<String> named,
            ConsultationClearance.@Nullable Used used,
            @Nullable Instant answered,
            @Nullable Instant usedOn) {
        return new Consultation(
                id,
                askedBy,
                action,
                actor,
                subject,
                situation,
                returnTo,
                to,
                colleague,
                answer,
                why,
                named,
                used,
                askedAt,
                answered,
                usedOn,
                reflection,
                version);
    }

    private Consultation reflecting(@Nullable Reflection r) {
        return new Consultation(
                id,
                askedBy,
                action,
                actor,
                subject,
                situation,
                returnTo,
                status,
                consultant,
                outcome,
                note,
                safeguards,
                usedFor,
                askedAt,
                answeredAt,
                usedAt,
                r,
                version);
    }
}
