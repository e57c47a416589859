package org.mutuality.support;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * What a peer worker chooses to share for matching: languages, gender, areas of lived experience,
 * when they can meet, and how many participants they can support at once.
 */
public record PeerProfile(
        PersonId person,
        Set<String> languages,
        @Nullable String gender,
        Set<LivedExperience> livedExperience,
        Set<Availability> availability,
        int capacity,
        boolean accepting) {

    public static final int DEFAULT_CAPACITY = 8;

    /** The most participants one peer worker supports at once. */
    public static final int MAX_CAPACITY = 60;

    public PeerProfile {
        languages = Set.copyOf(languages);
        livedExperience = Set.copyOf(livedExperience);
        availability = Set.copyOf(availability);
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new BadInputException("peerProfile.capacityRange", String.valueOf(capacity));
        }
        gender = Text.optional("gender", gender, Text.Limit.WORD);
    }

    /** The profile of a peer worker who has not filled theirs in: nothing shared, the usual capacity. */
    public static PeerProfile blank(PersonId person) {
        return new PeerProfile(person, Set.of(), null, Set.of(), Set.of(), DEFAULT_CAPACITY, true);
    }
}
