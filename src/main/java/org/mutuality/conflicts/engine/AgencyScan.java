package org.mutuality.conflicts.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;

/**
 * Looks at every current pairing in which one person can act over another (approver and worker,
 * supervisor and supervisee, peer and the participant they support) and reports those the policy
 * does not simply allow, rated on Gottlieb's three dimensions: power, duration and termination.
 * Pure: reads only the graph and the policy.
 */
public final class AgencyScan {

    /** Gottlieb's levels. */
    public enum Level {
        LOW,
        MIDDLE,
        HIGH
    }

    private static final Map<RelationshipKind, Action> PAIRINGS = Map.of(
            RelationshipKind.APPROVES_TIME, Action.APPROVE_TIMESHEET,
            RelationshipKind.SUPERVISES, Action.SUPERVISE,
            RelationshipKind.SUPPORTS, Action.ASSIGN_SUPPORT);

    private AgencyScan() {}

    /** A pairing with a conflict, and how much care it needs. */
    public record Finding(
            Relationship pairing,
            Action action,
            ConflictEngine.Evaluation evaluation,
            Level power,
            Level duration,
            Level termination,
            int score) {}

    /** A current pairing and the action it lets one person take over the other. */
    private record Pairing(Relationship relationship, Action action) {}

    /** A current pairing whose decision another version of the policy would change. */
    public record Change(Relationship pairing, Action action, Decision before, Decision after) {}

    /**
     * What putting another policy in force would do to today's pairings.
     *
     * @param pairings how many current pairings were looked at
     * @param changes those whose decision would change, the most restricted afterwards first
     */
    public record Comparison(int pairings, List<Change> changes) {
        public Comparison {
            changes = List.copyOf(changes);
        }
    }

    /** Every current pairing's decision under both policies; those that differ. Pure. */
    public static Comparison compare(AgencyGraph graph, Policy before, Policy after) {
        List<Pairing> pairings = pairings(graph);
        List<Change> changes = new ArrayList<>();
        for (Pairing p : pairings) {
            Relationship r = p.relationship();
            Decision was = ConflictEngine.evaluate(graph, before, p.action(), r.personA(), r.personB())
                    .decision();
            Decision will = ConflictEngine.evaluate(graph, after, p.action(), r.personA(), r.personB())
                    .decision();
            if (was != will) {
                changes.add(new Change(p.relationship(), p.action(), was, will));
            }
        }
        changes.sort(Comparator.comparing((Change c) -> c.after().ordinal()).reversed());
        return new Comparison(pairings.size(), changes);
    }

    private static List<Pairing> pairings(AgencyGraph graph) {
        List<Pairing> pairings = new ArrayList<>();
        for (AgencyGraph.Node node : graph.nodes()) {
            for (Relationship pairing : graph.edges(node.id())) {
                Action action = PAIRINGS.get(pairing.kind());
                if (action != null && pairing.personA().equals(node.id())) {
                    pairings.add(new Pairing(pairing, action));
                }
            }
        }
        return pairings;
    }

    /** Every finding, the riskiest first. */
    public static List<Finding> scan(AgencyGraph graph, Policy policy) {
        List<Finding> findings = new ArrayList<>();
        LocalDate day = graph.day();
        for (Pairing p : pairings(graph)) {
            Relationship pairing = p.relationship();
            Action action = p.action();
            ConflictEngine.Evaluation evaluation =
                    ConflictEngine.evaluate(graph, policy, action, pairing.personA(), pairing.personB());
            if (evaluation.decision() == Decision.ALLOW) {
                continue;
            }
            Relationship conflict = strongest(evaluation);
            Level power = power(pairing, conflict);
            Level duration = duration(conflict, day);
            Level termination = conflict == null || conflict.endDate() == null ? Level.HIGH : Level.MIDDLE;
            int score =
                    evaluation.decision().ordinal() * 10 + power.ordinal() + duration.ordinal() + termination.ordinal();
            findings.add(new Finding(pairing, action, evaluation, power, duration, termination, score));
        }
        findings.sort(Comparator.comparingInt(Finding::score).reversed());
        return findings;
    }

    private static Relationship strongest(ConflictEngine.Evaluation evaluation) {
        return evaluation.matches().stream()
                .filter(m -> m.decision() == evaluation.decision() && m.relationship() != null)
                .map(ConflictEngine.Match::relationship)
                .findFirst()
                .orElse(null);
    }

    /** Power: oversight of someone's work is high; so is a care relationship behind the conflict. */
    private static Level power(Relationship pairing, Relationship conflict) {
        if (conflict != null && conflict.kind() == RelationshipKind.TREATS) {
            return Level.HIGH;
        }
        return pairing.kind().category() == RelationshipKind.Category.OVERSIGHT ? Level.HIGH : Level.MIDDLE;
    }

    /** Duration: how long the conflicting relationship has lasted (unknown counts as short). */
    private static Level duration(Relationship conflict, LocalDate day) {
        if (conflict == null || conflict.startDate() == null) {
            return Level.LOW;
        }
        Period length = Period.between(conflict.startDate(), day);
        if (length.toTotalMonths() >= 24) {
            return Level.HIGH;
        }
        return length.toTotalMonths() >= 6 ? Level.MIDDLE : Level.LOW;
    }
}
