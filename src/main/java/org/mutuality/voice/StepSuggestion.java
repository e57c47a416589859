package org.mutuality.voice;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * A step a peer worker suggested for a goal of the participant they support. It waits until the
 * participant accepts it (the step joins the goal, in a new version of the plan) or declines it;
 * either is final.
 *
 * @param decidedAt when the participant accepted or declined it, or null while it waits
 */
public record StepSuggestion(
        SuggestionId id,
        PersonId person,
        GoalId goal,
        Step step,
        PersonId suggestedBy,
        Instant suggestedAt,
        Status status,
        @Nullable Instant decidedAt) {

    /** Where a suggestion stands. */
    public enum Status {
        WAITING,
        ACCEPTED,
        DECLINED
    }

    public StepSuggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(suggestedBy, "suggestedBy");
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        Objects.requireNonNull(status, "status");
    }

    /** A new suggestion, waiting for the participant. */
    public static StepSuggestion suggest(PersonId person, GoalId goal, Step step, PersonId by, Instant at) {
        return new StepSuggestion(SuggestionId.random(), person, goal, step, by, at, Status.WAITING, null);
    }

    /**
     * Accepted by the participant.
     *
     * @throws IllegalStateException when it was accepted or declined already, naming its status
     */
    public StepSuggestion accept(Instant at) {
        requireWaiting("accept");
        return new StepSuggestion(id, person, goal, step, suggestedBy, suggestedAt, Status.ACCEPTED, at);
    }

    /**
     * Declined by the participant; it stays on record as declined.
     *
     * @throws IllegalStateException when it was accepted or declined already, naming its status
     */
    public StepSuggestion decline(Instant at) {
        requireWaiting("decline");
        return new StepSuggestion(id, person, goal, step, suggestedBy, suggestedAt, Status.DECLINED, at);
    }

    public boolean waiting() {
        return status == Status.WAITING;
    }

    private void requireWaiting(String intent) {
        if (!waiting()) {
            throw new IllegalStateException("cannot " + intent + " suggestion " + id + ": it is " + status);
        }
    }
}
