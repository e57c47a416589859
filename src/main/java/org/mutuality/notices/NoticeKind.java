package org.mutuality.notices;

/**
 * What a notice tells. The words live in {@code messages*.properties} under {@code notice.<kind>}
 * (and {@code notice.<kind>.subject} for email), so a notice reads in the recipient's language.
 */
public enum NoticeKind {
    /** Someone opened your record through break-the-glass; your access log shows who and why. */
    BREAK_GLASS_ON_YOUR_RECORD,
    /** A break-the-glass access waits for the privacy lead's review. */
    BREAK_GLASS_TO_REVIEW;

    public String messageKey() {
        return "notice." + name();
    }
}
