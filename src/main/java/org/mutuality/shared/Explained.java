package org.mutuality.shared;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal that explains itself in the reader's language: pages and the API resolve it with the
 * request's locale ({@code shared.web.Pages}, {@code shared.web.ApiProblems}); its
 * {@code getMessage()} is the English text.
 */
public interface Explained extends MessageSourceResolvable {

    Explanation explanation();

    /**
     * Facts an API client may act on, added to the problem document beside its text (such as the
     * conflict check's {@code decision}); none by default. Never personal data.
     */
    default Map<String, Object> facts() {
        return Map.of();
    }

    @Override
    default String[] getCodes() {
        return explanation().getCodes();
    }

    @Override
    default Object[] getArguments() {
        return explanation().getArguments();
    }

    @Override
    default String getDefaultMessage() {
        return explanation().getDefaultMessage();
    }
}
