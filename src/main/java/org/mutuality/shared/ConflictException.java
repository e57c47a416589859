package org.mutuality.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A request clashes with the current state, such as a duplicate user name or a stale version. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException implements Explained {

    private final Explanation explanation;

    /**
     * @param key a key of both {@code messages.properties} bundles ({@code MessageKeysTests} checks it)
     * @param arguments its arguments
     */
    public ConflictException(String key, @Nullable Object... arguments) {
        this(Explanation.of(key, arguments));
    }

    public ConflictException(Explanation explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }
}
