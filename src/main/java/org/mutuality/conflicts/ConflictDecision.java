package org.mutuality.conflicts;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * The answer to a conflict check: the strictest decision of every rule that matched, every reason,
 * and people who could take the action instead, best first. Reasons never reveal a relationship the
 * caller may not see: such a reason says only that a declared relationship asks for someone else.
 */
public record ConflictDecision(Decision decision, List<Reason> reasons, List<Alternative> alternatives) {

    public ConflictDecision {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
        alternatives = List.copyOf(alternatives);
    }

    public boolean allowed() {
        return decision != Decision.BLOCK;
    }

    /**
     * Why a rule matched.
     *
     * @param rule the policy rule's id, or {@code declared-relationship} when hidden from the caller
     * @param relationship the kind of relationship behind it, or null for role rules and hidden ones
     * @param via for a relationship through someone close, that person's name when the caller may see it
     */
    public record Reason(
            String rule,
            Decision decision,
            @Nullable String relationship,
            String explanation,
            List<String> safeguards,
            @Nullable String via) {

        public Reason {
            safeguards = List.copyOf(safeguards);
        }
    }

    /** A person who holds a role that may take the action and has no conflict with the subject. */
    public record Alternative(PersonId personId, String name, boolean sameTeam, int load) {}
}
