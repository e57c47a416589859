package org.mutuality.directory;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/** The form of a user name: 3 to 60 lower-case letters, digits, dots, dashes or underscores. */
final class Usernames {

    private static final Pattern VALID = Pattern.compile("^[a-z0-9._-]{3,60}$");

    private Usernames() {}

    static String validate(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(name).matches()) {
            throw new BadInputException("account.usernameForm", Explanation.field("username"));
        }
        return name;
    }
}
