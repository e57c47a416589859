package org.mutuality.workforce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The two reminders before a training or a certification expires: {@value Standing#SOON_DAYS} days
 * before and 14 days before. Each is sent once per expiry; when the first was missed (recorded late,
 * or the job did not run), only the one that fits the days left is sent.
 */
public enum ExpiryReminder {
    SIXTY_DAYS(Standing.SOON_DAYS),
    FOURTEEN_DAYS(14);

    private final int daysBefore;

    ExpiryReminder(int daysBefore) {
        this.daysBefore = daysBefore;
    }

    public int daysBefore() {
        return daysBefore;
    }

    /**
     * The reminder due today for something that expires on a day, or null: none before 60 days, none
     * on or after the day it expires.
     */
    public static @Nullable ExpiryReminder dueFor(LocalDate expiresOn, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, expiresOn);
        if (left <= 0) {
            return null;
        }
        if (left <= FOURTEEN_DAYS.daysBefore) {
            return FOURTEEN_DAYS;
        }
        return left <= SIXTY_DAYS.daysBefore ? SIXTY_DAYS : null;
    }
}
