package org.mutuality.safety;

import java.util.Objects;
import java.util.UUID;

/** Identifies a concern. */
public record ConcernId(UUID value) {

    public ConcernId {
        Objects.requireNonNull(value, "concern id must not be null");
    }

    public static ConcernId random() {
        return new ConcernId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
