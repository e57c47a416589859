package org.mutuality.safety;

import java.util.Objects;
import java.util.UUID;

/** Identifies a role pause. */
public record RolePauseId(UUID value) {

    public RolePauseId {
        Objects.requireNonNull(value, "role pause id must not be null");
    }

    public static RolePauseId random() {
        return new RolePauseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
