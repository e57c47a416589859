package org.mutuality.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A value someone typed or sent is missing, too long or not one of those allowed: a 400 on the API,
 * a message beside the form on a page. Nothing was changed. Its message never holds the value
 * itself, which may be personal data.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadInputException extends IllegalArgumentException implements Explained {

    private final Explanation explanation;

    /**
     * @param key a key of {@code messages.properties}
     * @param arguments its arguments
     */
    public BadInputException(String key, @Nullable Object... arguments) {
        this(Explanation.of(key, arguments));
    }

    public BadInputException(Explanation explanation) {
        super(explanation.english());
        this.explanation = explanation;
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }
}
