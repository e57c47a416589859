package org.mutuality.workforce;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * One version of what a staff role does and does not do, in English and French. Version 1 is the
 * text Mutuality ships ({@link #shipped}); each revision is a new version, the old ones kept, since a
 * person's reading names the version they read.
 *
 * @param writtenBy who wrote this version, or null for the text Mutuality ships
 * @param reason why it was revised, or null
 */
public record RoleDescription(
        Role role,
        int version,
        String english,
        String french,
        @Nullable PersonId writtenBy,
        Instant writtenAt,
        @Nullable String reason) {

    /** The longest text, in characters, in each language: a page people read. */
    public static final Text.Limit LIMIT = Text.Limit.PAGE;

    public RoleDescription {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(french, "french");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (!role.isStaff()) {
            throw new BadInputException("roleDescription.staffRolesOnly", role.name());
        }
        if (version < 1) {
            throw new IllegalStateException("a role description's version starts at 1, was " + version);
        }
    }

    /** The text Mutuality ships for the role, as version 1. */
    public static RoleDescription shipped(Role role, Instant at) {
        if (!role.isStaff()) {
            throw new BadInputException("roleDescription.staffRolesOnly", role.name());
        }
        return new RoleDescription(
                role, 1, StartingRoleDescriptions.english(role), StartingRoleDescriptions.french(role), null, at, null);
    }

    /**
     * The next version, with new texts.
     *
     * @throws BadInputException when a text is blank, longer than {@link #LIMIT} or holds a refused
     *     character, or the reason is too long
     * @throws ConflictException ({@code roleDescription.unchanged}) when both texts are the same as
     *     this version's
     */
    public RoleDescription revise(
            @Nullable String newEnglish, @Nullable String newFrench, @Nullable String why, PersonId by, Instant at) {
        String en = Text.required("text.en", newEnglish, LIMIT);
        String fr = Text.required("text.fr", newFrench, LIMIT);
        String because = Text.optional("reason", why, Text.Limit.NOTE);
        if (en.equals(english) && fr.equals(french)) {
            throw new ConflictException("roleDescription.unchanged");
        }
        return new RoleDescription(role, version + 1, en, fr, by, at, because);
    }

    /** The text in the reader's language: French for French, English otherwise. */
    public String text(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? french : english;
    }

    /** Whether this is the text Mutuality ships, not one the agency wrote. */
    public boolean isShipped() {
        return writtenBy == null;
    }
}
