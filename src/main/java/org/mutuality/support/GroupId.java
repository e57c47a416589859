package org.mutuality.support;

import java.util.Objects;
import java.util.UUID;

/** Identifies a support group. */
public record GroupId(UUID value) {

    public GroupId {
        Objects.requireNonNull(value, "group id must not be null");
    }

    public static GroupId random() {
        return new GroupId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
