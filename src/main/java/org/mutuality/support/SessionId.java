package org.mutuality.support;

import java.util.Objects;
import java.util.UUID;

/** Identifies one meeting of a support group. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "session id must not be null");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
