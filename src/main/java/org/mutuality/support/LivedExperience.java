package org.mutuality.support;

/**
 * Areas of lived experience a peer worker may choose to share for matching, and a participant may
 * ask for. Nothing here is shared unless the peer worker chose it.
 */
public enum LivedExperience {
    MENTAL_HEALTH,
    SUBSTANCE_USE,
    HOSPITAL_STAY,
    HOMELESSNESS,
    JUSTICE_SYSTEM,
    PARENTING,
    GRIEF,
    TRAUMA,
    EATING_DISORDERS,
    NEWCOMER,
    LGBTQ2S,
    YOUTH
}
