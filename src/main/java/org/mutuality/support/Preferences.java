package org.mutuality.support;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a participant asks for in a peer worker; every part is optional.
 *
 * @param gender a gender the participant would prefer, in their words (compared without case)
 */
public record Preferences(
        Set<String> languages,
        @Nullable String gender,
        Set<LivedExperience> livedExperience,
        Set<Availability> availability) {

    public Preferences {
        languages = Set.copyOf(languages);
        livedExperience = Set.copyOf(livedExperience);
        availability = Set.copyOf(availability);
        if (gender != null) {
            gender = gender.strip();
            if (gender.isEmpty()) {
                gender = null;
            } else if (gender.length() > 60) {
                throw new IllegalArgumentException("gender must be at most 60 characters, was " + gender.length());
            }
        }
    }

    public static Preferences none() {
        return new Preferences(Set.of(), null, Set.of(), Set.of());
    }
}
