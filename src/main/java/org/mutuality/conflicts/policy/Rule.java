package org.mutuality.conflicts.policy;

import java.util.List;
import java.util.Set;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Decision;
import org.mutuality.relationships.RelationshipKind;

/**
 * A relationship rule: when the actor and the subject are related by one of {@code kinds} (directly
 * or through someone close), and the action is one of {@code actions}, the decision applies.
 */
public record Rule(
        String id,
        Set<Action> actions,
        Set<RelationshipKind> kinds,
        Set<Reach> reach,
        Direction direction,
        Decision decision,
        Text explanation,
        List<Text> safeguards) {

    public Rule {
        actions = Set.copyOf(actions);
        kinds = Set.copyOf(kinds);
        reach = Set.copyOf(reach);
        safeguards = List.copyOf(safeguards);
    }
}
