package org.mutuality.support;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

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

    public PeerProfile {
        languages = Set.copyOf(languages);
        livedExperience = Set.copyOf(livedExperience);
        availability = Set.copyOf(availability);
        if (capacity < 0 || capacity > 60) {
            throw new IllegalArgumentException("capacity must be 0 to 60 participants, was " + capacity);
        }
        if (gender != null) {
            gender = gender.strip();
            if (gender.isEmpty()) {
                gender = null;
            } else if (gender.length() > 60) {
                throw new IllegalArgumentException("gender must be at most 60 characters, was " + gender.length());
            }
        }
    }

    /** The profile of a peer worker who has not filled theirs in: nothing shared, the usual capacity. */
    public static PeerProfile blank(PersonId person) {
        return new PeerProfile(person, Set.of(), null, Set.of(), Set.of(), DEFAULT_CAPACITY, true);
    }
}
