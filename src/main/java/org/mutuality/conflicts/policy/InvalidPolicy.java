package org.mutuality.conflicts.policy;

import org.jspecify.annotations.Nullable;
import org.mutuality.shared.Explained;
import org.mutuality.shared.Explanation;

/**
 * A policy text that cannot be used, with the line and the rule where the problem is. It explains
 * itself in the reader's language ({@code policy.atLine}, {@code policy.atRule}, each with the
 * problem as a key of its own); {@code getMessage()} is the English text.
 */
public class InvalidPolicy extends RuntimeException implements Explained {

    private final int line;
    private final @Nullable String rule;
    private final Explanation explanation;

    /**
     * @param problem a key of {@code messages.properties} ({@code policy.*}) that says what is wrong
     * @param arguments its arguments
     */
    public InvalidPolicy(int line, @Nullable String rule, String problem, Object... arguments) {
        this(line, rule, where(line, rule, Explanation.of(problem, arguments)));
    }

    private InvalidPolicy(int line, @Nullable String rule, Explanation explanation) {
        super(explanation.english());
        this.line = line;
        this.rule = rule;
        this.explanation = explanation;
    }

    private static Explanation where(int line, @Nullable String rule, Explanation problem) {
        String at = Integer.toString(line);
        return rule == null
                ? Explanation.of("policy.atLine", at, problem)
                : Explanation.of("policy.atRule", at, rule, problem);
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }

    /** The line (1-based) where the problem is. */
    public int line() {
        return line;
    }

    public @Nullable String rule() {
        return rule;
    }
}
