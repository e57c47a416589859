package org.mutuality.workforce;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Text;

/**
 * One section of a person's wellness plan, in their own words, shared with their supervisor or not.
 *
 * @param sharedAt since when the person's supervisor may read it, or null while it is private
 */
public record WellnessItem(
        WellnessSection section, String text, @Nullable Instant sharedAt, Instant updatedAt) {

    /** The longest section, in characters. */
    public static final Text.Limit LIMIT = Text.Limit.BODY;

    public WellnessItem {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The section as the person writes it now, shared or not. A section shared already keeps the
     * moment it was first shared; one made private forgets it.
     *
     * @param before the section as it was, or null for a new one
     * @throws org.mutuality.shared.BadInputException when the text is blank, too long or holds a
     *     refused character (never naming the text)
     */
    public static WellnessItem write(
            WellnessSection section, @Nullable String text, boolean shared, @Nullable WellnessItem before, Instant at) {
        String said = Text.required("sections.text", text, LIMIT);
        Instant sharedSince = !shared ? null : before != null && before.shared() ? before.sharedAt() : at;
        return new WellnessItem(section, said, sharedSince, at);
    }

    public boolean shared() {
        return sharedAt != null;
    }
}
