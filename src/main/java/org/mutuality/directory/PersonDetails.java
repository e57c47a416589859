package org.mutuality.directory;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Email;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * What a person is called and how to reach them privately. The legal name is required; the rest is
 * optional. Personal contact details are private: only the person and administrators see them.
 *
 * @throws BadInputException from the constructor when a value is missing, too long or badly
 *     formed, or holds a control or text-direction character ({@link Text}); the message names the
 *     field
 */
public record PersonDetails(
        String legalName,
        @Nullable String preferredName,
        @Nullable String pronouns,
        @Nullable String email,
        @Nullable String phone) {

    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{3,40}$");

    public PersonDetails {
        legalName = required("legalName", legalName, 200);
        preferredName = optional("preferredName", preferredName, 200);
        pronouns = optional("pronouns", pronouns, 60);
        email = Email.optional("email", email);
        phone = optional("phone", phone, 40);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new BadInputException("person.phoneForm", Explanation.field("phone"));
        }
    }

    /** The name to show: the preferred name when there is one, else the legal name. */
    public String displayName() {
        return preferredName != null ? preferredName : legalName;
    }

    static String required(String field, @Nullable String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new BadInputException("text.required", Explanation.field(field));
        }
        return v;
    }

    static @Nullable String optional(String field, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String v = Text.checkedLine(field, value.strip());
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            throw new BadInputException("text.tooLong", Explanation.field(field), max, v.length());
        }
        return v;
    }
}
