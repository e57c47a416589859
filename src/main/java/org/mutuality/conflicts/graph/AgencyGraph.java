package org.mutuality.conflicts.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.TeamId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;

/**
 * An immutable, in-memory index of one agency on one day: each person with the roles and teams they
 * hold that day, and the relationships current that day, by person (adjacency lists). Checks read
 * only this; they never query the database.
 */
public final class AgencyGraph {

    /** A person as the checks need them. */
    public record Node(PersonId id, String name, boolean active, Set<Role> roles, Set<TeamId> teams) {}

    private final LocalDate day;
    private final Map<PersonId, Node> nodes;
    private final Map<PersonId, List<Relationship>> edges;
    private final Map<PersonId, Integer> load;
    private final List<Node> byLoad;
    private final Map<TeamId, List<Node>> teams;

    private AgencyGraph(
            LocalDate day,
            Map<PersonId, Node> nodes,
            Map<PersonId, List<Relationship>> edges,
            Map<PersonId, Integer> load) {
        this.day = day;
        this.nodes = nodes;
        this.edges = edges;
        this.load = load;
        Comparator<Node> lightestFirst = Comparator.comparingInt((Node n) -> load.getOrDefault(n.id(), 0))
                .thenComparing(Node::name)
                .thenComparing(n -> n.id().value());
        List<Node> sorted = new ArrayList<>(nodes.values());
        sorted.sort(lightestFirst);
        this.byLoad = List.copyOf(sorted);
        Map<TeamId, List<Node>> members = new HashMap<>();
        for (Node node : sorted) {
            for (TeamId team : node.teams()) {
                members.computeIfAbsent(team, k -> new ArrayList<>()).add(node);
            }
        }
        members.replaceAll((k, v) -> List.copyOf(v));
        this.teams = Map.copyOf(members);
    }

    public static AgencyGraph build(Collection<Person> people, Collection<Relationship> relationships, LocalDate day) {
        Map<PersonId, Node> nodes = new HashMap<>(people.size() * 2);
        for (Person person : people) {
            // A staff member's teams are those they work in: the team of a service they receive (a peer
            // worker treated at the clinic) must not make its clinicians their "same team" alternatives.
            boolean staff = person.isStaffOn(day);
            Set<TeamId> teams = person.roles().stream()
                    .filter(r -> r.activeOn(day)
                            && r.teamId() != null
                            && (!staff || r.role().isStaff()))
                    .map(PersonRole::teamId)
                    .collect(Collectors.toUnmodifiableSet());
            nodes.put(
                    person.id(),
                    new Node(person.id(), person.displayName(), person.active(), person.activeRoles(day), teams));
        }
        Map<PersonId, List<Relationship>> edges = new HashMap<>(people.size() * 2);
        Map<PersonId, Integer> load = new HashMap<>();
        for (Relationship r : relationships) {
            if (!r.activeOn(day)) {
                continue;
            }
            edges.computeIfAbsent(r.personA(), k -> new ArrayList<>(4)).add(r);
            edges.computeIfAbsent(r.personB(), k -> new ArrayList<>(4)).add(r);
            RelationshipKind.Category category = r.kind().category();
            if (category == RelationshipKind.Category.OVERSIGHT || category == RelationshipKind.Category.SUPPORT) {
                load.merge(r.personA(), 1, Integer::sum);
            }
        }
        edges.replaceAll((k, v) -> List.copyOf(v));
        return new AgencyGraph(day, Map.copyOf(nodes), Map.copyOf(edges), Map.copyOf(load));
    }

    /** The day the roles and relationships were taken on. */
    public LocalDate day() {
        return day;
    }

    public @Nullable Node node(PersonId id) {
        return nodes.get(id);
    }

    public Collection<Node> nodes() {
        return nodes.values();
    }

    /** The current relationships of a person, both ways. */
    public List<Relationship> edges(PersonId id) {
        return edges.getOrDefault(id, List.of());
    }

    /** How many people the person oversees or supports now. */
    public int load(PersonId id) {
        return load.getOrDefault(id, 0);
    }

    /** Everyone, the lightest load first (then by name): the order alternatives are offered in. */
    public List<Node> byLoad() {
        return byLoad;
    }

    /** The members of a team today, the lightest load first. */
    public List<Node> team(TeamId team) {
        return teams.getOrDefault(team, List.of());
    }

    public int size() {
        return nodes.size();
    }
}
