package org.mutuality.workforce;

import org.mutuality.conflicts.ConflictDecision;

/** What happened when someone tried to approve hours. */
public sealed interface ApprovalOutcome permits ApprovalOutcome.Approved, ApprovalOutcome.Refused {

    /** The conflict check behind the outcome. */
    ConflictDecision check();

    /** The hours are approved; a WARN or CONSULT decision is recorded with them. */
    record Approved(TimesheetEntry entry, ConflictDecision check) implements ApprovalOutcome {}

    /**
     * Nothing was approved: the policy blocks this approver ({@code needsConsultation} false), or asks
     * for a consultation that was not confirmed ({@code needsConsultation} true).
     */
    record Refused(TimesheetEntry entry, ConflictDecision check, boolean needsConsultation)
            implements ApprovalOutcome {}
}
