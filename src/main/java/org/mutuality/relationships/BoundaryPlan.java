package org.mutuality.relationships;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A person's own boundary plan: what they do in each area, in their words, and the limits they
 * chose. {@code shareWithSupervisor} says whether their supervisor is told when they are invited to
 * reflect.
 *
 * @throws BadInputException when an approach is over 1,000 characters or a limit is out of range
 */
public record BoundaryPlan(
        PersonId person,
        Map<BoundaryArea, String> areas,
        @Nullable Integer outsideContactsPerMonth,
        @Nullable Integer contactsPerWeek,
        @Nullable Integer longestSessionMinutes,
        @Nullable LocalTime noContactAfter,
        boolean shareWithSupervisor) {

    public BoundaryPlan {
        EnumMap<BoundaryArea, String> kept = new EnumMap<>(BoundaryArea.class);
        areas.forEach((area, text) -> {
            String approach = Text.trimmed(text);
            if (approach.length() > Text.Limit.NOTE.characters()) {
                throw new BadInputException(
                        "boundary.approachTooLong",
                        Explanation.term("boundary.area." + area.name(), area.name()),
                        Text.Limit.NOTE.characters(),
                        approach.length());
            }
            if (!approach.isEmpty()) {
                kept.put(area, approach);
            }
        });
        areas = Map.copyOf(kept);
        range("outsideContactsPerMonth", outsideContactsPerMonth, 0, 100);
        range("contactsPerWeek", contactsPerWeek, 1, 50);
        range("longestSessionMinutes", longestSessionMinutes, 10, 720);
    }

    public static BoundaryPlan empty(PersonId person) {
        return new BoundaryPlan(person, Map.of(), null, null, null, null, false);
    }

    private static void range(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new BadInputException("boundary.outOfRange", Explanation.field(field), min, max, value);
        }
    }
}
