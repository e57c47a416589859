package org.mutuality.workforce;

/**
 * The trainings Mutuality ships in every agency's catalogue (S19): what the source documents put
 * beside supervision as the way dual relationships stay safe. Each is required of every staff role
 * at first, peer or not, and renewed as said here; a manager or the privacy lead may change both.
 * Their names live in {@code messages*.properties} under {@code training.shipped.<name>}.
 */
public enum ShippedTraining {
    ETHICS_AND_DUAL_RELATIONSHIPS(24),
    BOUNDARIES_AND_SELF_DISCLOSURE(24),
    CONFIDENTIALITY_AND_PRIVACY(12),
    TRAUMA_INFORMED_PRACTICE(36),
    CRISIS_RESPONSE(24);

    private final int renewEveryMonths;

    ShippedTraining(int renewEveryMonths) {
        this.renewEveryMonths = renewEveryMonths;
    }

    /** How often it must be renewed at first, in months. */
    public int renewEveryMonths() {
        return renewEveryMonths;
    }

    /** The key of its name in {@code messages*.properties}. */
    public String messageKey() {
        return "training.shipped." + name();
    }
}
