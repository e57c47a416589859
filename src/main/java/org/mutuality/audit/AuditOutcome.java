package org.mutuality.audit;

/**
 * How what an audit entry records ended. As for {@link AuditAction}, entries already in the log keep
 * the word they were written with.
 */
public enum AuditOutcome {
    /** A read that was allowed. */
    ALLOWED,
    /** Anything refused, read or act. */
    DENIED,
    /** An act that was done. */
    DONE,
    /** A break-the-glass grant given. */
    GRANTED,
    SUCCEEDED,
    FAILED,
    /** A privacy lead's review of a break-the-glass use. */
    JUSTIFIED,
    NOT_JUSTIFIED
}
