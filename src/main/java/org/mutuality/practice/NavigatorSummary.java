package org.mutuality.practice;

import java.util.List;

/**
 * What the dilemma navigator makes of the answers: a reading of each of Gottlieb's dimensions and
 * overall, what the answers suggest, and the reasons, in order, each a key of {@code
 * messages.properties}. A reading and a suggestion inform; the worker decides.
 *
 * @param reasons keys of {@code navigator.reason.*}, never empty
 */
public record NavigatorSummary(
        Reading power, Reading duration, Reading ending, Reading overall, Suggestion suggestion, List<String> reasons) {

    public NavigatorSummary {
        reasons = List.copyOf(reasons);
    }

    /** Gottlieb's reading of a dimension: how much risk it carries. */
    public enum Reading {
        LOW,
        MEDIUM,
        HIGH
    }

    /** What the answers suggest, from the gentlest to the strongest. */
    public enum Suggestion {
        /** Go ahead with care: say it openly, write it down, look at it again later. */
        GO_AHEAD_WITH_CARE,
        /** Talk it through with a supervisor or a colleague before going further. */
        CONSULT_FIRST,
        /** Step back from the second relationship, or hand the work to someone else. */
        STEP_BACK
    }
}
