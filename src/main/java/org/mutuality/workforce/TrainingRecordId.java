package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies a training a person completed. */
public record TrainingRecordId(UUID value) {

    public TrainingRecordId {
        Objects.requireNonNull(value, "TrainingRecordId must not be null");
    }

    public static TrainingRecordId random() {
        return new TrainingRecordId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
