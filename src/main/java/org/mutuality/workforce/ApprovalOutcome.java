package org.mutuality.workforce;

import org.mutuality.conflicts.ConflictDecision;

/** What happened when an approver tried to approve hours, ask a question about them, or return them. */
public sealed interface ApprovalOutcome
        permits ApprovalOutcome.Approved,
                ApprovalOutcome.Questioned,
                ApprovalOutcome.Returned,
                ApprovalOutcome.Refused {

    /** The conflict check behind the outcome. */
    ConflictDecision check();

    /** The hours are approved; a WARN or CONSULT decision is recorded with them. */
    record Approved(TimesheetEntry entry, ConflictDecision check) implements ApprovalOutcome {}

    /** The question is asked; the hours wait for the worker's answer. */
    record Questioned(TimesheetEntry entry, ConflictDecision check) implements ApprovalOutcome {}

    /** The hours are returned with the reason; they wait for the worker's correction. */
    record Returned(TimesheetEntry entry, ConflictDecision check) implements ApprovalOutcome {}

    /**
     * Nothing was done: the policy blocks this approver ({@code needsConsultation} false), or asks
     * for a consultation that was not confirmed ({@code needsConsultation} true). The attempt is kept.
     */
    record Refused(TimesheetEntry entry, ConflictDecision check, boolean needsConsultation)
            implements ApprovalOutcome {}
}
