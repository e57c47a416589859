package org.mutuality.workforce;

/** The parts of a wellness plan, each in the person's own words and each shared or not on its own. */
public enum WellnessSection {
    /** What keeps me well at work. */
    KEEPS_ME_WELL,
    /** The early signs that I am not so well. */
    EARLY_SIGNS,
    /** What helps then. */
    WHAT_HELPS,
    /** Whom to tell, and how. */
    WHO_TO_TELL
}
