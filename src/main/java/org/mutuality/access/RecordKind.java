package org.mutuality.access;

/** The kinds of person-level record the guard protects. */
public enum RecordKind {
    /** Written by clinicians about people in the agency's clinical programs. */
    CARE_NOTES,
    /** Written by peer workers about the participants they support. */
    SUPPORT_NOTES
}
