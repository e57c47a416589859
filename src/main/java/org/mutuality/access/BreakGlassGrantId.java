package org.mutuality.access;

import java.util.Objects;
import java.util.UUID;

/** Identifies a use of break-the-glass. */
public record BreakGlassGrantId(UUID value) {

    public BreakGlassGrantId {
        Objects.requireNonNull(value, "break-the-glass grant id must not be null");
    }

    public static BreakGlassGrantId random() {
        return new BreakGlassGrantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
