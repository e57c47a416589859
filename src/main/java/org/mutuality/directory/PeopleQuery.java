package org.mutuality.directory;

import org.jspecify.annotations.Nullable;

/**
 * A search of the directory: text matched against names, an optional role held today, and a page.
 *
 * @throws IllegalArgumentException when page is negative or size is outside 1..100
 */
public record PeopleQuery(@Nullable String text, @Nullable Role role, boolean includeInactive, int page, int size) {

    public static final int MAX_SIZE = 100;

    public PeopleQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > 200) {
                throw new IllegalArgumentException("query must be at most 200 characters, was " + text.length());
            }
        }
    }
}
