package org.mutuality.voice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a goal of a participant's recovery plan; it keeps its id across versions. */
public record GoalId(UUID value) {

    public GoalId {
        Objects.requireNonNull(value, "goal id must not be null");
    }

    public static GoalId random() {
        return new GoalId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
