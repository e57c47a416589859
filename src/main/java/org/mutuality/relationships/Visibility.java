package org.mutuality.relationships;

/** Who may see a relationship besides the two people, whoever declared it and the privacy lead. */
public enum Visibility {
    /** Only the two people, the declarer and the privacy lead: the default for personal and care kinds. */
    PARTIES,
    /** Also every staff member of the agency: the default for oversight (who supervises whom). */
    STAFF
}
