package org.mutuality.voice;

/** The parts of a wellness and crisis plan, in the order a reader needs them. */
public enum CrisisSection {
    KEEPS_ME_WELL,
    EARLY_SIGNS,
    WHAT_HELPS,
    WHAT_DOES_NOT_HELP,
    WHO_TO_CALL,
    IN_A_CRISIS
}
