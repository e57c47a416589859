package org.mutuality.support;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;

/**
 * A peer worker suggested for a referral.
 *
 * @param matches what they share with what the participant asked for
 * @param decision the conflict check's answer (ALLOW, WARN or CONSULT: blocked peers are not suggested)
 * @param reasons why the check warned, in words for the coordinator; never shown to the participant
 * @param declinedBefore whether this peer worker already declined this referral
 */
public record Suggestion(
        PersonId peer,
        String name,
        @Nullable String pronouns,
        int score,
        List<Match> matches,
        int load,
        int capacity,
        Decision decision,
        List<String> reasons,
        boolean declinedBefore,
        PeerProfile profile) {

    public Suggestion {
        matches = List.copyOf(matches);
        reasons = List.copyOf(reasons);
    }

    /** One thing the peer worker shares with what the participant asked for: a language, an area, a time. */
    public record Match(String kind, String value) {}

    public boolean flagged() {
        return decision != Decision.ALLOW;
    }

    /**
     * The suggestions for one referral and how many peer workers were left out and why (counts only:
     * the coordinator learns that a conflict exists, not what it is).
     */
    public record Result(List<Suggestion> suggestions, int excludedForConflict, int full) {
        public Result {
            suggestions = List.copyOf(suggestions);
        }
    }
}
