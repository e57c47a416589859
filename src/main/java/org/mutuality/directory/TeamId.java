package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a team in an agency's directory. */
public record TeamId(UUID value) {

    public TeamId {
        Objects.requireNonNull(value, "team id must not be null");
    }

    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
