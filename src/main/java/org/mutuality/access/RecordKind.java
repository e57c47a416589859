package org.mutuality.access;

/** The kinds of person-level record the guard protects. */
public enum RecordKind {
    /** Written by clinicians about people in the agency's clinical programs. */
    CARE_NOTES,
    /**
     * Written by peer workers about the participants they support: support notes, interactions and
     * group attendance.
     */
    SUPPORT_NOTES,
    /** Referrals of a person to peer support: the reason, what they ask for, and each step. */
    REFERRALS,
    /**
     * Concerns and incidents about someone's conduct. Read only by their parties (who raised it, who
     * handles it, the person it is about where the process says so); a consent directive does not
     * hide them from those who must handle them.
     */
    SAFETY_RECORDS,
    /**
     * Work-practice records between staff: supervision sessions, consultations before a hard call and
     * boundary agreements. Read only by their parties (the two people of a session, the asker and the
     * consultant of a consultation and the asker's supervisor); a consent directive does not hide them.
     */
    PRACTICE_RECORDS,
    /**
     * A worker's reflective journal: its author alone, and their supervisor for an entry the author
     * chose to share. No role opens it, administrators and the privacy lead included.
     */
    JOURNAL,
    /**
     * A staff member's training records, certifications and uploaded certificates. Read by the
     * person, their supervisor today, the agency's managers and the privacy lead, whom the workforce
     * module vouches for; a consent directive does not hide them from those who keep them (ADR 0024).
     */
    TRAINING_RECORDS,
    /**
     * A staff member's yearly work plan and its reviews: the person, whoever supervises them today, and
     * the privacy lead. No other role opens it, administrators and managers included.
     */
    WORK_PLAN,
    /**
     * A staff member's wellness plan and the accommodations they asked for: the person alone; their
     * supervisor for what the person chose to share, item by item; a manager for an accommodation the
     * person sent to be answered. No role opens it, administrators and the privacy lead included.
     */
    WELLNESS_PLAN,
    /**
     * A staff member's onboarding plan, its steps and the check-ins held with their supervisor: the
     * person, whoever supervises them today, and the privacy lead, as for the work plan.
     */
    ONBOARDING,
    /**
     * A person's part in research studies: their consents, item by item, and their withdrawals. Read
     * by the person and by the study's team (principal investigator and co-researchers), whom the
     * research module vouches for; never through break-the-glass.
     */
    RESEARCH_RECORDS,
    /**
     * A participant's outcome questionnaires and their scores: the participant, and the peer worker
     * assigned to support them while the participant allows it (the fidelity module asks the guard
     * only then). No role opens them, and no emergency does.
     */
    OUTCOMES,
    /**
     * A participant's recovery plan: goals in their own words, their steps, and the steps their peer
     * worker suggested. The person; the peer worker assigned to support them, for support (to read it
     * and suggest a step); a consent directive may withhold it from them (ADR 0035).
     */
    RECOVERY_PLAN,
    /**
     * A participant's wellness and crisis plan: the person, and the people they named when sharing it,
     * while it stays shared. No relationship or role opens it, and no emergency (ADR 0035).
     */
    CRISIS_PLAN;

    /**
     * The purpose a record of this kind is usually read for: care notes for care, support notes for
     * support, referrals for coordination.
     */
    public Purpose usualPurpose() {
        return switch (this) {
            case CARE_NOTES -> Purpose.CARE;
            case SUPPORT_NOTES, OUTCOMES, RECOVERY_PLAN, CRISIS_PLAN -> Purpose.SUPPORT;
            case REFERRALS -> Purpose.COORDINATION;
            case SAFETY_RECORDS -> Purpose.SAFETY;
            case PRACTICE_RECORDS, JOURNAL, WORK_PLAN, WELLNESS_PLAN, ONBOARDING -> Purpose.SUPERVISION;
            case TRAINING_RECORDS -> Purpose.WORKFORCE;
            case RESEARCH_RECORDS -> Purpose.RESEARCH;
        };
    }

    /**
     * Whether a consent directive may withhold this kind: the records kept about a person's care and
     * support, not the records of safety and of practice, which only their parties read.
     */
    public boolean withholdable() {
        return this == CARE_NOTES
                || this == SUPPORT_NOTES
                || this == REFERRALS
                || this == RECOVERY_PLAN
                || this == CRISIS_PLAN;
    }

    /**
     * Whether no emergency opens this kind: a worker's own journal, work plan, wellness plan and
     * onboarding, and a participant's recovery and crisis plans, are read by the people they name,
     * never through break-the-glass.
     */
    public boolean neverInEmergency() {
        return this == JOURNAL
                || this == WORK_PLAN
                || this == WELLNESS_PLAN
                || this == ONBOARDING
                || this == RESEARCH_RECORDS
                || this == OUTCOMES
                || this == RECOVERY_PLAN
                || this == CRISIS_PLAN;
    }

    /** Whether this kind is kept as notes in the records module. */
    public boolean isNote() {
        return this == CARE_NOTES || this == SUPPORT_NOTES;
    }
}
