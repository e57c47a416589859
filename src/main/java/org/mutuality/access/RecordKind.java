package org.mutuality.access;

/** The kinds of person-level record the guard protects. */
public enum RecordKind {
    /** Written by clinicians about people in the agency's clinical programs. */
    CARE_NOTES,
    /**
     * Written by peer workers about the participants they support: support notes, interactions and
     * group attendance.
     */
    SUPPORT_NOTES,
    /** Referrals of a person to peer support: the reason, what they ask for, and each step. */
    REFERRALS;

    /**
     * The purpose a record of this kind is usually read for: care notes for care, support notes for
     * support, referrals for coordination.
     */
    public Purpose usualPurpose() {
        return switch (this) {
            case CARE_NOTES -> Purpose.CARE;
            case SUPPORT_NOTES -> Purpose.SUPPORT;
            case REFERRALS -> Purpose.COORDINATION;
        };
    }

    /** Whether this kind is kept as notes in the records module. */
    public boolean isNote() {
        return this == CARE_NOTES || this == SUPPORT_NOTES;
    }
}
