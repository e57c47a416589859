package org.mutuality.notices;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/** One notice to one person, unread until they open it. */
public record Notice(
        UUID id,
        PersonId recipient,
        NoticeKind kind,
        String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public Notice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (!link.startsWith("/")) {
            // A notice's link is written by code, never typed: a wrong one is a bug (500), not bad input.
            throw new IllegalStateException("link must be a path inside Mutuality, was " + link);
        }
    }

    public boolean unread() {
        return readAt == null;
    }
}
