package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies an accommodation a staff member asked for. */
public record AccommodationId(UUID value) {

    public AccommodationId {
        Objects.requireNonNull(value, "accommodation id must not be null");
    }

    public static AccommodationId random() {
        return new AccommodationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
