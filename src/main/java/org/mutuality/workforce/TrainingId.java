package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies a catalogue entry of training. */
public record TrainingId(UUID value) {

    public TrainingId {
        Objects.requireNonNull(value, "TrainingId must not be null");
    }

    public static TrainingId random() {
        return new TrainingId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
