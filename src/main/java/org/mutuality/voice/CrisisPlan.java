package org.mutuality.voice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;

/**
 * One version of a participant's wellness and crisis plan: what they wrote, section by section, and
 * the people they share it with by name. A change never overwrites: {@link #revise} returns the next
 * version. Version 0 is the empty plan, shared with nobody; it is never stored.
 *
 * @param sharedWith the people the participant named, who read the plan while they stay named
 */
public record CrisisPlan(
        PersonId person,
        int version,
        Map<CrisisSection, String> sections,
        List<PersonId> sharedWith,
        @Nullable PersonId writtenBy,
        @Nullable Instant writtenAt) {

    /** The most people a plan is shared with. */
    public static final int MAX_SHARES = 20;

    public CrisisPlan {
        Objects.requireNonNull(person, "person");
        sections = sections.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sections));
        sharedWith = List.copyOf(sharedWith);
    }

    public static CrisisPlan empty(PersonId person) {
        return new CrisisPlan(person, 0, Map.of(), List.of(), null, null);
    }

    /**
     * The next version, as the participant writes it.
     *
     * @throws BadInputException when it is shared with the participant themselves or with too many
     *     people
     */
    public CrisisPlan revise(Map<CrisisSection, String> sections, List<PersonId> sharedWith, PersonId by, Instant at) {
        LinkedHashSet<PersonId> named = new LinkedHashSet<>(sharedWith);
        if (named.contains(person)) {
            throw new BadInputException("voice.shareWithSelf");
        }
        if (named.size() > MAX_SHARES) {
            throw new BadInputException("voice.tooManyShares", MAX_SHARES, named.size());
        }
        return new CrisisPlan(person, version + 1, sections, List.copyOf(named), by, at);
    }

    /** Whether the participant shares this version with the reader, by name. */
    public boolean sharedWith(PersonId reader) {
        return sharedWith.contains(reader);
    }

    /** What the participant wrote in a section, or null. */
    public @Nullable String section(CrisisSection section) {
        return sections.get(section);
    }

    public boolean isEmpty() {
        return version == 0;
    }
}
