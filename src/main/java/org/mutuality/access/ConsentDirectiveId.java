package org.mutuality.access;

import java.util.Objects;
import java.util.UUID;

/** Identifies a consent directive. */
public record ConsentDirectiveId(UUID value) {

    public ConsentDirectiveId {
        Objects.requireNonNull(value, "consent directive id must not be null");
    }

    public static ConsentDirectiveId random() {
        return new ConsentDirectiveId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
