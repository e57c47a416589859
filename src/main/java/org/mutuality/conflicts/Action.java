package org.mutuality.conflicts;

import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/** An action one person (the actor) takes over another (the subject). */
public enum Action {
    APPROVE_TIMESHEET,
    SUPERVISE,
    REVIEW_PERFORMANCE,
    ASSIGN_SUPPORT,
    LEAD_GROUP_WITH,
    INTERVIEW,
    INVESTIGATE_INCIDENT,
    OPEN_RECORD,
    INVOLUNTARY_INTERVENTION,
    /**
     * Being consulted about a hard call: the consultant reads the situation and answers. Checked for
     * the consultant over the person who asks and over the people the action is about, so that the
     * advice comes from someone without a conflict with any of them.
     */
    CONSULT_ON,
    /**
     * Pointing a participant to a research study. Nobody with power over the person in their support
     * (their peer worker, clinician, supervisor) recruits them, so that saying no costs nothing.
     */
    RECRUIT;

    /**
     * Parses an action name case-insensitively.
     *
     * @throws BadInputException for an unknown name, listing the actions (never the value)
     */
    public static Action parse(String value) {
        return Text.choice("action", value, Action.class);
    }
}
