package org.mutuality.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in person may not take this action on a resource of their own agency. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException implements Explained {

    private final Explanation explanation;

    /**
     * @param key a key of {@code messages.properties} (a plain English text is shown as it is, see
     *     {@link Explanation})
     * @param arguments its arguments
     */
    public ForbiddenException(String key, @Nullable Object... arguments) {
        this(Explanation.of(key, arguments));
    }

    public ForbiddenException(Explanation explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }
}
