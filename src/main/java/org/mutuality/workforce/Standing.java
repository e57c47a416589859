package org.mutuality.workforce;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where a required training or a certification stands today: nothing recorded, expired, expiring
 * within {@value #SOON_DAYS} days, or current. A plain fact for the person and those who keep the
 * records, never a score.
 */
public enum Standing {
    /** Required, and nothing is recorded. */
    MISSING,
    /** The last one recorded has expired. */
    EXPIRED,
    /** It expires within {@value #SOON_DAYS} days. */
    EXPIRING,
    /** Recorded and not expiring soon (or never expiring). */
    CURRENT;

    /** How many days before an expiry something counts as expiring, and the first reminder goes out. */
    public static final int SOON_DAYS = 60;

    /** The standing of something recorded that expires on a day (null for never). */
    public static Standing of(@Nullable LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            return CURRENT;
        }
        if (!expiresOn.isAfter(today)) {
            return EXPIRED;
        }
        return expiresOn.isAfter(today.plusDays(SOON_DAYS)) ? CURRENT : EXPIRING;
    }

    /** Whether someone must act: missing, expired or expiring. */
    public boolean due() {
        return this != CURRENT;
    }

    /** Whether it is missing or expired: overdue rather than coming due. */
    public boolean overdue() {
        return this == MISSING || this == EXPIRED;
    }
}
