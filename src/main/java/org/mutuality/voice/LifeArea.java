package org.mutuality.voice;

/**
 * The areas of life a participant chooses for a goal of their recovery plan. Named in both languages
 * in {@code voice.area.*}; the participant's own words say the rest.
 */
public enum LifeArea {
    HOME,
    WORK,
    HEALTH,
    RELATIONSHIPS,
    MEANING,
    LEARNING,
    MONEY,
    COMMUNITY,
    LEISURE
}
