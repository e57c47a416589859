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
    INVOLUNTARY_INTERVENTION;

    /**
     * Parses an action name case-insensitively.
     *
     * @throws BadInputException for an unknown name, listing the actions (never the value)
     */
    public static Action parse(String value) {
        return Text.choice("action", value, Action.class);
    }
}
