package org.mutuality.shared;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in person may not take this action on a resource of their own agency. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class ForbiddenException extends RuntimeException implements Explained {

    private final Explanation explanation;
    private final @Nullable UUID subject;

    /**
     * @param key a key of both {@code messages.properties} bundles ({@code MessageKeysTests} checks it)
     * @param arguments its arguments
     */
    public ForbiddenException(String key, @Nullable Object... arguments) {
        this(Explanation.of(key, arguments));
    }

    public ForbiddenException(Explanation explanation) {
        this(explanation, null);
    }

    private ForbiddenException(Explanation explanation, @Nullable UUID subject) {
        super(explanation.english());
        this.explanation = explanation;
        this.subject = subject;
    }

    /**
     * The same refusal, naming the person whose record was asked for, so that the refused entry
     * the web layer writes ({@code audit.Refusals}) says whose record it was when the route does not.
     */
    public ForbiddenException about(@Nullable UUID subject) {
        return new ForbiddenException(explanation, subject);
    }

    /** The person whose record was refused, when the refusal names one. */
    public @Nullable UUID subject() {
        return subject;
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }
}
