package org.mutuality.research;

import java.util.Objects;
import java.util.UUID;

/** Identifies a consent. */
public record ConsentId(UUID value) {

    public ConsentId {
        Objects.requireNonNull(value, "consent id must not be null");
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
