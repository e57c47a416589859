package org.mutuality.support;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Text;

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
        gender = Text.optional("gender", gender, Text.Limit.WORD);
    }

    public static Preferences none() {
        return new Preferences(Set.of(), null, Set.of(), Set.of());
    }
}
