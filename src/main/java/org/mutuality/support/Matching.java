package org.mutuality.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;

/**
 * Ranks peer workers for a referral by what the participant asked for: a shared language counts
 * most, then a gender they asked for, then each area of lived experience the peer worker chose to
 * share, then each time both can meet. Ties go to the peer worker with fewer participants. A
 * pairing the conflict check blocks is left out; one it warns about is ranked after those with no
 * warning. Peer workers who are full or not taking anyone are left out.
 */
final class Matching {

    static final int LANGUAGE = 4;
    static final int GENDER = 3;
    static final int AREA = 2;
    static final int TIME = 1;

    private Matching() {}

    static Suggestion.Result suggest(
            Referral referral,
            List<Person> peers,
            Map<PersonId, PeerProfile> profiles,
            Map<PersonId, Integer> loads,
            Function<PersonId, ConflictDecision> check) {
        Preferences wanted = referral.preferences();
        List<Suggestion> suggestions = new ArrayList<>();
        int excluded = 0;
        int full = 0;
        for (Person peer : peers) {
            if (peer.id().equals(referral.person())
                    || peer.id().equals(referral.assignedPeer())
                    || referral.changedFrom().contains(peer.id())) {
                // Not the person, nor a peer worker they asked to change from (who may still support them).
                continue;
            }
            PeerProfile profile = profiles.getOrDefault(peer.id(), PeerProfile.blank(peer.id()));
            int load = loads.getOrDefault(peer.id(), 0);
            if (!profile.accepting() || load >= profile.capacity()) {
                full++;
                continue;
            }
            ConflictDecision decision = check.apply(peer.id());
            if (decision.decision() == Decision.BLOCK) {
                excluded++;
                continue;
            }
            List<Suggestion.Match> matches = new ArrayList<>();
            int score = 0;
            for (String language : wanted.languages()) {
                if (profile.languages().contains(language)) {
                    matches.add(new Suggestion.Match("language", language));
                    score += LANGUAGE;
                }
            }
            if (wanted.gender() != null
                    && profile.gender() != null
                    && wanted.gender()
                            .toLowerCase(Locale.ROOT)
                            .equals(profile.gender().toLowerCase(Locale.ROOT))) {
                matches.add(new Suggestion.Match("gender", profile.gender()));
                score += GENDER;
            }
            for (LivedExperience area : LivedExperience.values()) {
                if (wanted.livedExperience().contains(area)
                        && profile.livedExperience().contains(area)) {
                    matches.add(new Suggestion.Match("livedExperience", area.name()));
                    score += AREA;
                }
            }
            for (Availability time : Availability.values()) {
                if (wanted.availability().contains(time)
                        && profile.availability().contains(time)) {
                    matches.add(new Suggestion.Match("availability", time.name()));
                    score += TIME;
                }
            }
            suggestions.add(new Suggestion(
                    peer.id(),
                    peer.displayName(),
                    peer.details().pronouns(),
                    score,
                    matches,
                    load,
                    profile.capacity(),
                    decision.decision(),
                    decision.concerns(),
                    referral.declinedBy().contains(peer.id()),
                    profile));
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score)
                .reversed()
                .thenComparing(Suggestion::flagged)
                .thenComparing(Suggestion::declinedBefore)
                .thenComparingInt(Suggestion::load)
                .thenComparing(Suggestion::name));
        return new Suggestion.Result(suggestions, excluded, full);
    }
}
