package org.mutuality.relationships;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * How two people are related. For directed kinds, person A acts on person B (A treats, supervises,
 * approves the time of, supports or interviews B); the other kinds are mutual.
 */
public enum RelationshipKind {
    TREATS(Category.CARE, true),
    SUPERVISES(Category.OVERSIGHT, true),
    APPROVES_TIME(Category.OVERSIGHT, true),
    SUPPORTS(Category.SUPPORT, true),
    FRIEND(Category.PERSONAL, false),
    FAMILY(Category.PERSONAL, false),
    PARTNER(Category.PERSONAL, false),
    EX_PARTNER(Category.PERSONAL, false),
    NEIGHBOUR(Category.PERSONAL, false),
    HOUSEMATE(Category.PERSONAL, false),
    COWORKER_OUTSIDE(Category.PERSONAL, false),
    SOCIAL_MEDIA(Category.PERSONAL, false),
    INTERVIEWS(Category.RESEARCH, true),
    NO_CONTACT(Category.SAFETY, false);

    /** The families of kinds, for grouping and for default visibility. */
    public enum Category {
        CARE,
        OVERSIGHT,
        SUPPORT,
        PERSONAL,
        RESEARCH,
        SAFETY
    }

    private final Category category;
    private final boolean directed;

    RelationshipKind(Category category, boolean directed) {
        this.category = category;
        this.directed = directed;
    }

    public Category category() {
        return category;
    }

    /** Whether person A acts on person B; otherwise the relationship is the same both ways. */
    public boolean isDirected() {
        return directed;
    }

    /**
     * Whether the two people are close enough that a relationship of one of them counts for the
     * other (APA 3.05: a relationship with someone closely associated with the person).
     */
    public boolean isClose() {
        return this == PARTNER || this == FAMILY || this == HOUSEMATE;
    }

    /**
     * Whether this kind is an assignment: it opens a person's record or gives one person oversight of
     * another (care, support, supervision, approving time, research interviews). Assignments are made
     * by someone with authority over the program, never declared by the people themselves; every other
     * kind only ever restricts what may happen between the two.
     */
    public boolean isAssignment() {
        return category == Category.CARE
                || category == Category.OVERSIGHT
                || category == Category.SUPPORT
                || category == Category.RESEARCH;
    }

    /** Who sees a relationship of this kind unless said otherwise. */
    public Visibility defaultVisibility() {
        return category == Category.OVERSIGHT ? Visibility.STAFF : Visibility.PARTIES;
    }

    public static Set<RelationshipKind> personal() {
        EnumSet<RelationshipKind> kinds = EnumSet.noneOf(RelationshipKind.class);
        for (RelationshipKind k : values()) {
            if (k.category == Category.PERSONAL) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /**
     * Parses a kind name case-insensitively.
     *
     * @throws BadInputException when none is given, or the name is none of the kinds (naming the kinds,
     *     never the value)
     */
    public static RelationshipKind parse(@Nullable String value) {
        if (Text.trimmed(value).isEmpty()) {
            throw new BadInputException("relationship.kindMissing");
        }
        return Text.choice("kind", value, RelationshipKind.class);
    }
}
