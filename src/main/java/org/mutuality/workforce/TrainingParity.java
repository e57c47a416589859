package org.mutuality.workforce;

import java.util.List;
import java.util.Map;
import org.mutuality.directory.PersonId;

/**
 * What the parity report (S13) needs of training: the catalogue entries that ask more of peer staff
 * than of other staff (none, when the rule is the same for all), and for each staff member how many
 * of their requirements are overdue (missing or expired). Counts only, never what a file holds.
 */
public record TrainingParity(List<Training> singlingOutPeers, Map<PersonId, Integer> overdue) {

    public TrainingParity {
        singlingOutPeers = List.copyOf(singlingOutPeers);
        overdue = Map.copyOf(overdue);
    }

    /** Whether every entry of the catalogue applies alike to peer staff and other staff. */
    public boolean sameRule() {
        return singlingOutPeers.isEmpty();
    }
}
