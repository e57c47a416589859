package org.mutuality.voice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;

/**
 * One version of a participant's recovery plan. A change never overwrites: {@link #revise} and {@link
 * #acceptStep} return the next version, and every version is kept, so the participant can see the
 * plan's history. Version 0 is the empty plan before anything was written; it is never stored.
 *
 * @param writtenBy who made this version (the participant; null for version 0)
 * @param writtenAt when (null for version 0)
 */
public record RecoveryPlan(
        PersonId person,
        int version,
        List<Goal> goals,
        @Nullable PersonId writtenBy,
        @Nullable Instant writtenAt,
        Change change) {

    /** The most goals a plan holds. */
    public static final int MAX_GOALS = 20;

    /** What made a version. */
    public enum Change {
        /** Nothing yet. */
        NONE,
        /** The participant wrote or edited their goals. */
        WRITTEN,
        /** The participant accepted a step their peer worker suggested. */
        SUGGESTION_ACCEPTED
    }

    public RecoveryPlan {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(change, "change");
        goals = List.copyOf(goals);
    }

    /** The plan before the participant wrote anything. */
    public static RecoveryPlan empty(PersonId person) {
        return new RecoveryPlan(person, 0, List.of(), null, null, Change.NONE);
    }

    /**
     * The next version, with these goals, written by the participant.
     *
     * @throws BadInputException when there are too many goals or two share an id
     */
    public RecoveryPlan revise(List<Goal> goals, PersonId by, Instant at) {
        if (goals.size() > MAX_GOALS) {
            throw new BadInputException("voice.tooManyGoals", MAX_GOALS, goals.size());
        }
        Set<GoalId> ids = new HashSet<>();
        for (Goal g : goals) {
            if (!ids.add(g.id())) {
                throw new BadInputException("voice.goalTwice", g.id());
            }
        }
        return new RecoveryPlan(person, version + 1, goals, by, at, Change.WRITTEN);
    }

    /**
     * The next version, with the step a peer worker suggested added to its goal, accepted by the
     * participant.
     *
     * @throws IllegalStateException when the plan has no such goal (any more), naming the version
     */
    public RecoveryPlan acceptStep(GoalId goal, Step step, PersonId by, Instant at) {
        if (goal(goal).isEmpty()) {
            throw new IllegalStateException("version " + version + " of the plan has no goal " + goal);
        }
        List<Goal> next = new ArrayList<>();
        for (Goal g : goals) {
            next.add(g.id().equals(goal) ? g.withStep(step) : g);
        }
        return new RecoveryPlan(person, version + 1, next, by, at, Change.SUGGESTION_ACCEPTED);
    }

    /** The goal with this id in this version. */
    public Optional<Goal> goal(GoalId id) {
        return goals.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** Whether the participant wrote nothing yet. */
    public boolean isEmpty() {
        return version == 0;
    }
}
