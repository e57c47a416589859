package org.mutuality.practice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a consultation. */
public record ConsultationId(UUID value) {

    public ConsultationId {
        Objects.requireNonNull(value, "consultation id must not be null");
    }

    public static ConsultationId random() {
        return new ConsultationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
