package org.mutuality.conflicts;

/** What the policy says about an action, from the most permissive to the strictest. */
public enum Decision {
    /** Nothing stands in the way. */
    ALLOW,
    /** Allowed; the actor is told what to watch for. */
    WARN,
    /** Allowed only after talking it through with a supervisor or the privacy lead. */
    CONSULT,
    /** Someone else must take the action. */
    BLOCK;

    public Decision stricterOf(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
