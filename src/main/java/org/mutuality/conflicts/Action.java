package org.mutuality.conflicts;

import java.util.EnumSet;

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

    /** Parses an action name case-insensitively; refuses unknown names with the accepted values. */
    public static Action parse(String value) {
        for (Action a : values()) {
            if (a.name().equalsIgnoreCase(value.strip())) {
                return a;
            }
        }
        throw new IllegalArgumentException("action must be one of " + EnumSet.allOf(Action.class) + ", was '"
                + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
    }
}
