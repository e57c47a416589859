package org.mutuality.shared;

import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page of Mutuality to come back to (where an action waits while its person consults a colleague):
 * a path on this server only, never another site, so that a link built from it cannot send anyone
 * elsewhere.
 */
public record ReturnPath(String value) {

    /** The longest path kept. */
    public static final int MAX_LENGTH = 300;

    // A path and an optional query: one leading slash (never two, which a browser reads as another
    // host), then the characters of our own URLs; no scheme, backslash, fragment or space.
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%-]*(\\?[A-Za-z0-9_.~%=&-]*)?");

    public ReturnPath {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !LOCAL.matcher(value).matches()) {
            throw new BadInputException("returnPath.invalid");
        }
    }

    /** The path given, or null when none was. */
    public static @Nullable ReturnPath parse(@Nullable String value) {
        return value == null || value.isBlank() ? null : new ReturnPath(value.trim());
    }

    /** The same path with one more query parameter (its name and value already safe in a URL). */
    public String with(String name, Object value) {
        return this.value + (this.value.contains("?") ? "&" : "?") + name + "=" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
