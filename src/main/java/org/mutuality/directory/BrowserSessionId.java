package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a signed-in browser session (its row, not the servlet session). */
public record BrowserSessionId(UUID value) implements SignInId {

    public BrowserSessionId {
        Objects.requireNonNull(value, "browser session id must not be null");
    }

    public static BrowserSessionId random() {
        return new BrowserSessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
