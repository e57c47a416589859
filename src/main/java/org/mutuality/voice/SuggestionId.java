package org.mutuality.voice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a step a peer worker suggested for a goal of a participant's recovery plan. */
public record SuggestionId(UUID value) {

    public SuggestionId {
        Objects.requireNonNull(value, "suggestion id must not be null");
    }

    public static SuggestionId random() {
        return new SuggestionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
