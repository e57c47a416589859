package org.mutuality.conflicts.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Direction;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.Reach;
import org.mutuality.conflicts.policy.RoleRule;
import org.mutuality.conflicts.policy.Rule;
import org.mutuality.conflicts.policy.Text;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.TeamId;
import org.mutuality.relationships.Relationship;
import org.mutuality.shared.Explanation;

/**
 * Decides what a policy says about an action, from an agency graph alone: pure, no I/O. The
 * decision is the strictest of every rule that matched (ALLOW when none did).
 */
public final class ConflictEngine {

    /** The built-in rule that a person never acts over themselves. */
    public static final String SELF_RULE = "self";

    private static final Text SELF = new Text(Map.of(
            "en",
            "A person does not approve, supervise, review, investigate or support themselves.",
            "fr",
            "Une personne ne s'approuve pas, ne se supervise pas, ne s'évalue pas, n'enquête pas sur elle-même"
                    + " et ne se soutient pas elle-même."));

    private ConflictEngine() {}

    /**
     * One rule that matched, with the relationship behind it (null for role and built-in rules). For
     * a match through someone close, {@code via} is that person and {@code closeness} the relationship
     * that makes them close to the actor or the subject (both null otherwise).
     */
    public record Match(
            String rule,
            Decision decision,
            Text explanation,
            List<Text> safeguards,
            @Nullable Relationship relationship,
            @Nullable PersonId via,
            @Nullable Relationship closeness) {

        /**
         * For a match through someone close, the path from the actor to the subject in words: a key of
         * {@code messages.properties} ({@code conflict.path}) whose arguments are the two links, each a
         * key of its own ({@code conflict.link.<KIND>}) with the two names, e.g. "Through someone
         * close: Chris and Robin are partners, and Robin supervises Marc." Empty for a direct match.
         * The caller decides whether the reader may see the names ({@link #restsOn}).
         *
         * @param actor the person about to act, whose link is told first
         * @param names the name to show for each person of the path
         */
        public Optional<Explanation> path(PersonId actor, Function<PersonId, String> names) {
            if (via == null || relationship == null || closeness == null) {
                return Optional.empty();
            }
            boolean closeToActor = closeness.involves(actor);
            Relationship fromActor = closeToActor ? closeness : relationship;
            Relationship toSubject = closeToActor ? relationship : closeness;
            return Optional.of(
                    Explanation.of("conflict.path", link(fromActor, actor, names), link(toSubject, via, names)));
        }

        /** One link in words; a mutual one names {@code first} first, a directed one who acts first. */
        private static Explanation link(Relationship link, PersonId first, Function<PersonId, String> names) {
            PersonId a = link.kind().isDirected() ? link.personA() : first;
            return Explanation.of("conflict.link." + link.kind().name(), names.apply(a), names.apply(link.other(a)));
        }

        /** Every relationship the match rests on: whoever may not see one of them may not read it. */
        public List<Relationship> restsOn() {
            List<Relationship> all = new ArrayList<>(2);
            if (relationship != null) {
                all.add(relationship);
            }
            if (closeness != null) {
                all.add(closeness);
            }
            return all;
        }
    }

    /** The decision and every match that led to it. */
    public record Evaluation(Decision decision, List<Match> matches) {}

    /** A person who may take the action instead, with what ranks them. */
    public record Candidate(AgencyGraph.Node node, boolean sameTeam, int load) {}

    public static Evaluation evaluate(
            AgencyGraph graph, Policy policy, Action action, PersonId actor, PersonId subject) {
        List<Match> matches = new ArrayList<>(2);
        if (actor.equals(subject)) {
            matches.add(new Match(SELF_RULE, Decision.BLOCK, SELF, List.of(), null, null, null));
        }
        AgencyGraph.Node actorNode = graph.node(actor);
        if (actorNode != null) {
            for (RoleRule rule : policy.roleRules()) {
                if (rule.actions().contains(action) && !Collections.disjoint(rule.actorRoles(), actorNode.roles())) {
                    matches.add(new Match(
                            rule.id(), rule.decision(), rule.explanation(), rule.safeguards(), null, null, null));
                }
            }
        }
        if (!actor.equals(subject)) {
            List<Relationship> actorEdges = graph.edges(actor);
            Map<PersonId, List<Relationship>> throughWhom =
                    actorEdges.isEmpty() ? Map.of() : byNeighbour(graph.edges(subject), subject);
            for (Relationship edge : actorEdges) {
                PersonId other = edge.other(actor);
                if (other.equals(subject)) {
                    direct(policy, action, actor, edge, matches);
                } else {
                    List<Relationship> seconds = throughWhom.get(other);
                    if (seconds != null) {
                        close(policy, action, edge, other, seconds, matches);
                    }
                }
            }
        }
        Decision decision = Decision.ALLOW;
        for (Match m : matches) {
            decision = decision.stricterOf(m.decision());
        }
        return new Evaluation(decision, matches);
    }

    private static void direct(Policy policy, Action action, PersonId actor, Relationship edge, List<Match> matches) {
        for (Rule rule : policy.rules()) {
            if (rule.reach().contains(Reach.DIRECT)
                    && rule.actions().contains(action)
                    && rule.kinds().contains(edge.kind())
                    && directionMatches(rule.direction(), edge, actor)) {
                matches.add(
                        new Match(rule.id(), rule.decision(), rule.explanation(), rule.safeguards(), edge, null, null));
            }
        }
    }

    /**
     * Relationships through someone close (APA 3.05 (a)(2)): the actor is close to X and X is related
     * to the subject, or the actor is related to X and X is close to the subject. When both links are
     * close (the actor's sister is the subject's partner), either may be the one a rule is about, so
     * both readings are tried; a rule matches a path once.
     */
    private static void close(
            Policy policy,
            Action action,
            Relationship first,
            PersonId via,
            List<Relationship> seconds,
            List<Match> matches) {
        boolean firstClose = first.kind().isClose();
        for (Relationship second : seconds) {
            boolean secondClose = second.kind().isClose();
            if (!firstClose && !secondClose) {
                continue;
            }
            for (Rule rule : policy.rules()) {
                if (!rule.reach().contains(Reach.CLOSE) || !rule.actions().contains(action)) {
                    continue;
                }
                if (firstClose && rule.kinds().contains(second.kind())) {
                    matches.add(new Match(
                            rule.id(), rule.decision(), rule.explanation(), rule.safeguards(), second, via, first));
                } else if (secondClose && rule.kinds().contains(first.kind())) {
                    matches.add(new Match(
                            rule.id(), rule.decision(), rule.explanation(), rule.safeguards(), first, via, second));
                }
            }
        }
    }

    /**
     * The subject's relationships by the person at their other end, so that a walk through someone
     * close costs the actor's relationships plus the subject's, not their product (a hub's hundreds
     * of relationships times each neighbour's). Each list keeps the order of the subject's edges.
     */
    private static Map<PersonId, List<Relationship>> byNeighbour(List<Relationship> edges, PersonId subject) {
        if (edges.isEmpty()) {
            return Map.of();
        }
        Map<PersonId, List<Relationship>> by = new HashMap<>(edges.size() * 2);
        for (Relationship e : edges) {
            by.computeIfAbsent(e.other(subject), k -> new ArrayList<>(1)).add(e);
        }
        return by;
    }

    private static boolean directionMatches(Direction direction, Relationship edge, PersonId actor) {
        if (direction == Direction.EITHER || !edge.kind().isDirected()) {
            return true;
        }
        boolean actorIsA = edge.personA().equals(actor);
        return direction == Direction.ACTOR_TO_SUBJECT ? actorIsA : !actorIsA;
    }

    /**
     * People who hold a role that may take the action, are active, are neither the actor nor the
     * subject, and for whom the policy says ALLOW; those sharing a team with the subject first, then
     * the lightest load, then by name. Candidates are tried in that order and the search stops at
     * {@code limit}, so a refusal costs a few checks, not one per person of the agency.
     */
    public static List<Candidate> alternatives(
            AgencyGraph graph, Policy policy, Action action, PersonId actor, PersonId subject, int limit) {
        Set<Role> eligible = policy.eligibleFor(action);
        if (eligible.isEmpty() || limit <= 0) {
            return List.of();
        }
        AgencyGraph.Node subjectNode = graph.node(subject);
        Set<TeamId> subjectTeams = subjectNode == null ? Set.of() : subjectNode.teams();
        List<Candidate> result = new ArrayList<>(limit);
        Set<PersonId> tried = new HashSet<>();
        List<AgencyGraph.Node> sameTeam = new ArrayList<>();
        for (TeamId team : subjectTeams) {
            sameTeam.addAll(graph.team(team));
        }
        sameTeam.sort(Comparator.comparingInt((AgencyGraph.Node n) -> graph.load(n.id()))
                .thenComparing(AgencyGraph.Node::name));
        offer(graph, policy, action, actor, subject, eligible, sameTeam, true, tried, result, limit);
        offer(graph, policy, action, actor, subject, eligible, graph.byLoad(), false, tried, result, limit);
        return List.copyOf(result);
    }

    private static void offer(
            AgencyGraph graph,
            Policy policy,
            Action action,
            PersonId actor,
            PersonId subject,
            Set<Role> eligible,
            List<AgencyGraph.Node> candidates,
            boolean sameTeam,
            Set<PersonId> tried,
            List<Candidate> result,
            int limit) {
        for (AgencyGraph.Node node : candidates) {
            if (result.size() >= limit) {
                return;
            }
            if (!node.active()
                    || node.id().equals(actor)
                    || node.id().equals(subject)
                    || Collections.disjoint(node.roles(), eligible)
                    || !tried.add(node.id())) {
                continue;
            }
            if (evaluate(graph, policy, action, node.id(), subject).decision() == Decision.ALLOW) {
                result.add(new Candidate(node, sameTeam, graph.load(node.id())));
            }
        }
    }
}
