package org.mutuality.safety;

import java.util.Objects;
import java.util.UUID;

/** Identifies a boundary incident. */
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "incident id must not be null");
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
