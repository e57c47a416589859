package org.mutuality.support;

/** What an interaction was about, in broad strokes; the note says the rest. */
public enum Topic {
    WELLBEING,
    HOUSING,
    WORK_AND_STUDY,
    MONEY_AND_BENEFITS,
    RELATIONSHIPS,
    HEALTH_SERVICES,
    SUBSTANCE_USE,
    RECOVERY_GOALS,
    LEISURE_AND_COMMUNITY,
    CRISIS_PLANNING,
    OTHER
}
