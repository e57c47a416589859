package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies an API token (never its secret). */
public record ApiTokenId(UUID value) implements SignInId {

    public ApiTokenId {
        Objects.requireNonNull(value, "API token id must not be null");
    }

    public static ApiTokenId random() {
        return new ApiTokenId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
