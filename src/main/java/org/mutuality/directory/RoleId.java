package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies one role held by a person in an agency's directory. */
public record RoleId(UUID value) {

    public RoleId {
        Objects.requireNonNull(value, "role id must not be null");
    }

    public static RoleId random() {
        return new RoleId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
