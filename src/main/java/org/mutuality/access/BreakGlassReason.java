package org.mutuality.access;

/**
 * Why a reader without a basis opens a record. The list is short on purpose: each reason is one a
 * privacy lead can judge afterwards, and only the first may override the person's own lockbox (in
 * Ontario, PHIPA lets a custodian disclose without consent to reduce a significant risk of serious
 * bodily harm).
 */
public enum BreakGlassReason {
    /** Someone is at imminent risk of serious bodily harm. Overrides a consent directive. */
    RISK_OF_SERIOUS_HARM(true),
    /** Urgent care is needed and the person cannot be asked. */
    URGENT_CARE_PERSON_CANNOT_BE_ASKED(false),
    /** Covering for the person's care team or assigned peer, who cannot be reached. */
    COVERING_FOR_CARE_TEAM(false),
    /** Anything else; the free text must say what. */
    OTHER(false);

    private final boolean overridesLockbox;

    BreakGlassReason(boolean overridesLockbox) {
        this.overridesLockbox = overridesLockbox;
    }

    public boolean overridesLockbox() {
        return overridesLockbox;
    }
}
