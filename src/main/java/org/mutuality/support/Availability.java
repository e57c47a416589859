package org.mutuality.support;

/** When a peer worker can meet, and when a participant would like to. */
public enum Availability {
    WEEKDAY_DAYTIME,
    WEEKDAY_EVENINGS,
    WEEKENDS
}
