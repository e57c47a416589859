package org.mutuality.access;

/** Why someone reads a record. */
public enum Purpose {
    CARE,
    SUPPORT,
    SUPERVISION,
    /** Matching and following a referral: the program's coordinators, the referrer, the peer offered it. */
    COORDINATION,
    /** Handling a concern or an incident. */
    SAFETY,
    /** Keeping staff trained and certified: their own file, their supervisor, managers, the privacy lead. */
    WORKFORCE,
    /** Running a research study the person consented to: its team, for what the consent allows. */
    RESEARCH
}
