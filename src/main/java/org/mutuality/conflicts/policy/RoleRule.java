package org.mutuality.conflicts.policy;

import java.util.List;
import java.util.Set;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Role;

/** A role rule: an actor holding one of {@code actorRoles} taking one of {@code actions} gets the decision. */
public record RoleRule(
        String id,
        Set<Action> actions,
        Set<Role> actorRoles,
        Decision decision,
        Text explanation,
        List<Text> safeguards) {

    public RoleRule {
        actions = Set.copyOf(actions);
        actorRoles = Set.copyOf(actorRoles);
        safeguards = List.copyOf(safeguards);
    }
}
