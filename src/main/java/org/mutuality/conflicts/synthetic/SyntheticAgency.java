package org.mutuality.conflicts.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.directory.TeamId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.shared.AgencyId;

/**
 * A made-up agency of any size, the same every time for the same seed: staff and participants in
 * teams of about 50, supervision and time approval within teams, peer support, care relationships
 * (some of them with staff, as in S1), and personal relationships mostly within a team, as in a small
 * town. For tests and benchmarks; ids are derived from the seed too.
 */
public final class SyntheticAgency {

    private static final RelationshipKind[] PERSONAL = {
        RelationshipKind.NEIGHBOUR, RelationshipKind.NEIGHBOUR, RelationshipKind.NEIGHBOUR,
        RelationshipKind.FRIEND, RelationshipKind.FRIEND, RelationshipKind.SOCIAL_MEDIA,
        RelationshipKind.FAMILY, RelationshipKind.PARTNER, RelationshipKind.EX_PARTNER,
        RelationshipKind.HOUSEMATE, RelationshipKind.COWORKER_OUTSIDE
    };

    private final AgencyId agency;
    private final List<TeamId> teams;
    private final List<Person> people;
    private final List<Relationship> relationships;

    private SyntheticAgency(
            AgencyId agency, List<TeamId> teams, List<Person> people, List<Relationship> relationships) {
        this.agency = agency;
        this.teams = List.copyOf(teams);
        this.people = List.copyOf(people);
        this.relationships = List.copyOf(relationships);
    }

    /** The teams the people belong to, about 50 people each. */
    public List<TeamId> teams() {
        return teams;
    }

    public AgencyId agency() {
        return agency;
    }

    public List<Person> people() {
        return people;
    }

    public List<Relationship> relationships() {
        return relationships;
    }

    /**
     * Generates an agency.
     *
     * @param people how many people, at least 50 (fewer is a configuration error: {@link IllegalStateException})
     * @param relationships how many relationships in all; at least the structural ones are made
     *     (about 2.5 a person), personal ones fill the rest
     */
    public static SyntheticAgency generate(long seed, int people, int relationships, LocalDate today) {
        if (people < 50) {
            throw new IllegalStateException("a synthetic agency has at least 50 people, was " + people);
        }
        SplittableRandom random = new SplittableRandom(seed);
        AgencyId agency = new AgencyId(uuid(random));
        int teams = Math.max(1, people / 50);
        List<TeamId> teamIds = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            teamIds.add(new TeamId(uuid(random)));
        }
        List<Person> persons = new ArrayList<>(people);
        List<List<Integer>> supervisors = lists(teams);
        List<List<Integer>> workers = lists(teams);
        List<List<Integer>> peers = lists(teams);
        List<List<Integer>> participants = lists(teams);
        List<Integer> clinicians = new ArrayList<>();
        int[] teamOf = new int[people];
        LocalDate since = today.minusYears(1);
        for (int i = 0; i < people; i++) {
            int team = i % teams;
            teamOf[i] = team;
            int slot = i / teams;
            List<Role> roles = new ArrayList<>();
            if (slot == 0) {
                roles.add(Role.SUPERVISOR);
                supervisors.get(team).add(i);
            } else if (slot == 1 && team % 4 == 0) {
                roles.add(Role.MANAGER);
            } else if (slot % 10 == 2) {
                roles.add(Role.CLINICIAN);
                clinicians.add(i);
                workers.get(team).add(i);
            } else if (slot % 10 == 3 || slot % 10 == 4) {
                roles.add(random.nextInt(3) == 0 ? Role.VOLUNTEER_PEER : Role.PEER_WORKER);
                peers.get(team).add(i);
                workers.get(team).add(i);
                if (random.nextInt(5) == 0) {
                    roles.add(Role.SERVICE_USER);
                }
            } else {
                roles.add(Role.PARTICIPANT);
                participants.get(team).add(i);
                if (random.nextInt(3) == 0) {
                    roles.add(Role.SERVICE_USER);
                }
            }
            List<PersonRole> held = new ArrayList<>();
            for (Role role : roles) {
                held.add(new PersonRole(new RoleId(uuid(random)), role, null, teamIds.get(team), since, null));
            }
            persons.add(new Person(
                    new PersonId(uuid(random)),
                    agency,
                    new PersonDetails("Person " + i, null, null, null, null),
                    true,
                    0,
                    held));
        }
        List<Relationship> result = new ArrayList<>(relationships);
        Set<Long> pairs = new HashSet<>();
        for (int team = 0; team < teams; team++) {
            if (supervisors.get(team).isEmpty()) {
                continue;
            }
            int supervisor = supervisors.get(team).get(0);
            for (int worker : workers.get(team)) {
                add(result, pairs, random, agency, persons, RelationshipKind.SUPERVISES, supervisor, worker, today);
                add(result, pairs, random, agency, persons, RelationshipKind.APPROVES_TIME, supervisor, worker, today);
            }
            List<Integer> teamPeers = peers.get(team);
            if (!teamPeers.isEmpty()) {
                for (int participant : participants.get(team)) {
                    int peer = teamPeers.get(random.nextInt(teamPeers.size()));
                    add(result, pairs, random, agency, persons, RelationshipKind.SUPPORTS, peer, participant, today);
                }
            }
        }
        for (int c : clinicians) {
            for (int k = 0; k < 6; k++) {
                int patient = random.nextInt(people);
                if (patient != c) {
                    add(result, pairs, random, agency, persons, RelationshipKind.TREATS, c, patient, today);
                }
            }
        }
        int attempts = 0;
        while (result.size() < relationships && attempts < relationships * 4) {
            attempts++;
            int a = random.nextInt(people);
            int b;
            if (random.nextInt(10) < 8) {
                int team = teamOf[a];
                int members = (people - team + teams - 1) / teams;
                b = team + teams * random.nextInt(members);
            } else {
                b = random.nextInt(people);
            }
            if (a != b) {
                add(result, pairs, random, agency, persons, PERSONAL[random.nextInt(PERSONAL.length)], a, b, today);
            }
        }
        return new SyntheticAgency(agency, teamIds, persons, result);
    }

    private static void add(
            List<Relationship> result,
            Set<Long> pairs,
            SplittableRandom random,
            AgencyId agency,
            List<Person> persons,
            RelationshipKind kind,
            int a,
            int b,
            LocalDate today) {
        long key = ((long) Math.min(a, b) << 32 | Math.max(a, b)) * 31 + kind.ordinal();
        if (a == b || !pairs.add(key)) {
            return;
        }
        result.add(new Relationship(
                new RelationshipId(uuid(random)),
                agency,
                kind,
                persons.get(a).id(),
                persons.get(b).id(),
                today.minusDays(30 + random.nextInt(3650)),
                null,
                kind.category() == RelationshipKind.Category.PERSONAL
                        ? RelationshipSource.DECLARED
                        : RelationshipSource.ASSIGNMENT,
                persons.get(a).id(),
                kind.defaultVisibility(),
                null));
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static UUID uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
