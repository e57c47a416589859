package org.mutuality.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for an email address people type: something, an {@code @}, and a domain with a dot,
 * no blanks, at most 254 characters (RFC 5321), on one line. Deliberately loose: the only real test
 * of an address is a message that reaches it.
 */
public final class Email {

    /** The longest address a mail server must accept. */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Email() {}

    /**
     * The address, trimmed, or null when none was given.
     *
     * @throws BadInputException naming the field (never the value) when it is too long, holds a
     *     refused character ({@link Text#checkedLine}) or does not look like an address
     */
    public static @Nullable String optional(String field, @Nullable String value) {
        String address = Text.trimmedOrNull(value);
        if (address == null) {
            return null;
        }
        if (address.length() > MAX_LENGTH) {
            throw new BadInputException("text.tooLong", Explanation.field(field), MAX_LENGTH, address.length());
        }
        Text.checkedLine(field, address);
        if (!SHAPE.matcher(address).matches()) {
            throw new BadInputException("email.invalid", Explanation.field(field));
        }
        return address;
    }

    /** As {@link #optional}, for an address that must be given. */
    public static String required(String field, @Nullable String value) {
        String address = optional(field, value);
        if (address == null) {
            throw new BadInputException("email.invalid", Explanation.field(field));
        }
        return address;
    }
}
