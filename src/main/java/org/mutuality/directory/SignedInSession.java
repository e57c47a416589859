package org.mutuality.directory;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One way the person is signed in ({@link Directory#sessionsOf}): a browser session (with its
 * browser and platform) or an API token (with its label). {@code lastSeenAt} is null for a token
 * never used; {@code expiresAt} is when it ends at the latest.
 */
public record SignedInSession(
        SignInId id,
        Kind kind,
        @Nullable String browser,
        @Nullable String platform,
        @Nullable String label,
        Instant startedAt,
        @Nullable Instant lastSeenAt,
        Instant expiresAt,
        boolean current) {

    /** A browser session or an API token. */
    public enum Kind {
        BROWSER,
        TOKEN
    }

    public boolean browserSession() {
        return kind == Kind.BROWSER;
    }
}
