package org.mutuality.support;

import java.util.Objects;
import java.util.UUID;

/** Identifies an interaction between a peer worker and a participant. */
public record InteractionId(UUID value) {

    public InteractionId {
        Objects.requireNonNull(value, "interaction id must not be null");
    }

    public static InteractionId random() {
        return new InteractionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
