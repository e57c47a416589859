package org.mutuality.conflicts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * One version of an agency's conflict policy: its text, who changed it, when and why. Version 0 is
 * the default policy shipped with Mutuality, in force until the agency changes it.
 */
public record PolicyVersion(
        int version,
        String text,
        String reason,
        @Nullable PersonId changedBy,
        @Nullable Instant changedAt) {}
