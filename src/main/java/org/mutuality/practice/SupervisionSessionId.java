package org.mutuality.practice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a supervision session. */
public record SupervisionSessionId(UUID value) {

    public SupervisionSessionId {
        Objects.requireNonNull(value, "supervision session id must not be null");
    }

    public static SupervisionSessionId random() {
        return new SupervisionSessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
