package org.mutuality.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A refusal that explains itself in the reader's language: pages and the API resolve it with the
 * request's locale ({@code shared.web.Pages}, {@code shared.web.ApiProblems}); its
 * {@code getMessage()} is the English text.
 */
public interface Explained extends MessageSourceResolvable {

    Explanation explanation();

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
