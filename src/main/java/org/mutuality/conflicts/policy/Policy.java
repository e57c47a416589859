package org.mutuality.conflicts.policy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mutuality.conflicts.Action;
import org.mutuality.directory.Role;

/**
 * An agency's conflict policy: relationship rules, role rules, and who may take each action. Parsed
 * from YAML by {@link PolicyParser}; immutable.
 */
public record Policy(List<Rule> rules, List<RoleRule> roleRules, Map<Action, Set<Role>> eligibility) {

    public Policy {
        rules = List.copyOf(rules);
        roleRules = List.copyOf(roleRules);
        EnumMap<Action, Set<Role>> copy = new EnumMap<>(Action.class);
        eligibility.forEach((k, v) -> copy.put(k, v.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(v)));
        eligibility = copy;
    }

    /** The roles that may take the action; empty when the policy names none. */
    public Set<Role> eligibleFor(Action action) {
        return eligibility.getOrDefault(action, Set.of());
    }
}
