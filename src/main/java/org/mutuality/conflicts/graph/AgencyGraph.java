package org.mutuality.conflicts.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.TeamId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.Visibility;

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
    private final Map<PersonId, Integer> staffLoad;
    private final List<Node> byStaffLoad;
    private final @Nullable Predicate<Relationship> visible;

    private AgencyGraph(
            LocalDate day,
            Map<PersonId, Node> nodes,
            Map<PersonId, List<Relationship>> edges,
            Map<PersonId, Integer> load,
            Map<PersonId, Integer> staffLoad) {
        this.day = day;
        this.nodes = nodes;
        this.edges = edges;
        this.load = load;
        this.staffLoad = staffLoad;
        this.visible = null;
        this.byLoad = lightestFirst(nodes.values(), load);
        this.byStaffLoad = lightestFirst(nodes.values(), staffLoad);
        Map<TeamId, List<Node>> members = new HashMap<>();
        for (Node node : byLoad) {
            for (TeamId team : node.teams()) {
                members.computeIfAbsent(team, k -> new ArrayList<>()).add(node);
            }
        }
        members.replaceAll((k, v) -> List.copyOf(v));
        this.teams = Map.copyOf(members);
    }

    /** A view of the whole graph: the same indexes, read through a filter. */
    private AgencyGraph(AgencyGraph whole, Predicate<Relationship> visible) {
        this.day = whole.day;
        this.nodes = whole.nodes;
        this.edges = whole.edges;
        this.load = whole.load;
        this.byLoad = whole.byLoad;
        this.teams = whole.teams;
        this.staffLoad = whole.staffLoad;
        this.byStaffLoad = whole.byStaffLoad;
        this.visible = visible;
    }

    private static List<Node> lightestFirst(Collection<Node> nodes, Map<PersonId, Integer> load) {
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort(Comparator.comparingInt((Node n) -> load.getOrDefault(n.id(), 0))
                .thenComparing(Node::name)
                .thenComparing(n -> n.id().value()));
        return List.copyOf(sorted);
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
        Map<PersonId, Integer> staffLoad = new HashMap<>();
        for (Relationship r : relationships) {
            if (!r.activeOn(day)) {
                continue;
            }
            edges.computeIfAbsent(r.personA(), k -> new ArrayList<>(4)).add(r);
            edges.computeIfAbsent(r.personB(), k -> new ArrayList<>(4)).add(r);
            RelationshipKind.Category category = r.kind().category();
            if (category == RelationshipKind.Category.OVERSIGHT || category == RelationshipKind.Category.SUPPORT) {
                load.merge(r.personA(), 1, Integer::sum);
                if (r.visibility() == Visibility.STAFF) {
                    staffLoad.merge(r.personA(), 1, Integer::sum);
                }
            }
        }
        edges.replaceAll((k, v) -> List.copyOf(v));
        return new AgencyGraph(day, Map.copyOf(nodes), Map.copyOf(edges), Map.copyOf(load), Map.copyOf(staffLoad));
    }

    /**
     * This graph as seen by someone who may know only the relationships {@code visible} accepts: the
     * others are left out of {@link #edges}, so nothing decided on the view depends on them. Who is
     * offered first on a view must not depend on them either, so a view's {@link #load} counts only
     * what every member of staff may see (relationships of {@link Visibility#STAFF}). People, roles,
     * teams and the day stay. Pure and cheap: the view reads this graph's indexes through the filter.
     */
    public AgencyGraph seenThrough(Predicate<Relationship> visible) {
        return new AgencyGraph(this, this.visible == null ? visible : this.visible.and(visible));
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

    /** The current relationships of a person, both ways (on a view, those it lets through). */
    public List<Relationship> edges(PersonId id) {
        List<Relationship> all = edges.getOrDefault(id, List.of());
        if (visible == null || all.isEmpty()) {
            return all;
        }
        List<Relationship> seen = new ArrayList<>(all.size());
        for (Relationship r : all) {
            if (visible.test(r)) {
                seen.add(r);
            }
        }
        return seen;
    }

    /**
     * How many people the person oversees or supports now; on a view, only those every member of
     * staff may know of.
     */
    public int load(PersonId id) {
        return (visible == null ? load : staffLoad).getOrDefault(id, 0);
    }

    /** Everyone, the lightest {@link #load} first (then by name): the order alternatives are offered in. */
    public List<Node> byLoad() {
        return visible == null ? byLoad : byStaffLoad;
    }

    /** The members of a team today, in no order a caller should rely on (sort them by {@link #load}). */
    public List<Node> team(TeamId team) {
        return teams.getOrDefault(team, List.of());
    }

    public int size() {
        return nodes.size();
    }
}
