package org.mutuality.audit;

/**
 * What an audit entry says someone did. New entries take one of these; entries already in the log
 * keep the word they were written with ({@link AuditEntry#action()} is that word), and none is
 * ever rewritten, since the chain's hashes cover them. So a word that is gone from this list, such
 * as {@code POLICY} (now {@link #POLICY_CHANGE}), can still be read and searched for.
 */
public enum AuditAction {
    /** Read a record, a list or a report. */
    READ,
    /** Wrote, changed or ended a record. */
    WRITE,
    APPROVE,
    EXPORT,
    BREAK_GLASS,
    REVIEW_BREAK_GLASS,
    /** Revealed who raised a concern anonymously. */
    UNSEAL,
    /** Changed a rule or a text of the agency: the conflict policy, contact settings, the peer role. */
    POLICY_CHANGE,
    SETUP,
    SIGN_IN,
    OPEN_ACCOUNT,
    ACCEPT_INVITATION,
    CHANGE_PASSWORD,
    ISSUE_TOKEN,
    REVOKE_TOKEN,
    END_SESSION,
    END_SESSIONS,
    DEACTIVATE,
    REACTIVATE,
    END_ROLE,
    CREATE_PROGRAM,
    CREATE_TEAM
}
