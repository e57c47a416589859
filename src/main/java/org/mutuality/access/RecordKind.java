package org.mutuality.access;

/** The kinds of person-level record the guard protects. */
public enum RecordKind {
    /** Written by clinicians about people in the agency's clinical programs. */
    CARE_NOTES,
    /** Written by peer workers about the participants they support. */
    SUPPORT_NOTES;

    /** The purpose a record of this kind is usually read for: care notes for care, support notes for support. */
    public Purpose usualPurpose() {
        return this == CARE_NOTES ? Purpose.CARE : Purpose.SUPPORT;
    }
}
