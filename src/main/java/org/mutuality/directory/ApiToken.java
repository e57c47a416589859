package org.mutuality.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the signed-in person's API tokens as they list it ({@link Directory#tokensOf}): never the secret. */
public record ApiToken(
        ApiTokenId id,
        String label,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
