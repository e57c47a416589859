package org.mutuality.conflicts.policy;

import org.jspecify.annotations.Nullable;

/** A policy text that cannot be used, with the line and the rule where the problem is. */
public class InvalidPolicy extends RuntimeException {

    private final int line;
    private final @Nullable String rule;

    public InvalidPolicy(String message, int line, @Nullable String rule) {
        super("line " + line + (rule == null ? "" : ", rule '" + rule + "'") + ": " + message);
        this.line = line;
        this.rule = rule;
    }

    /** The line (1-based) where the problem is. */
    public int line() {
        return line;
    }

    public @Nullable String rule() {
        return rule;
    }
}
