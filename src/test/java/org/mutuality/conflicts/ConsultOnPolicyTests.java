package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.conflicts.engine.ConflictEngine;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.relationships.Visibility;
import org.mutuality.shared.AgencyId;

/** Whom the default policy lets be consulted about someone ({@code CONSULT_ON}), with no Spring. */
class ConsultOnPolicyTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final Policy DEFAULT = PolicyParser.parse(Policies.defaultText());

    @ParameterizedTest(name = "a colleague who is {0} of the person: {1}")
    @CsvSource({
        "PARTNER, BLOCK, consultant-close-to-either",
        "EX_PARTNER, BLOCK, consultant-close-to-either",
        "FAMILY, BLOCK, consultant-close-to-either",
        "HOUSEMATE, BLOCK, consultant-close-to-either",
        "NO_CONTACT, BLOCK, consultant-close-to-either",
        "FRIEND, BLOCK, consultant-involved-with-either",
        "SOCIAL_MEDIA, BLOCK, consultant-involved-with-either",
        "COWORKER_OUTSIDE, BLOCK, consultant-involved-with-either",
        "TREATS, BLOCK, consultant-involved-with-either",
        "SUPPORTS, BLOCK, consultant-involved-with-either",
        "SUPERVISES, ALLOW, ''",
        "NEIGHBOUR, ALLOW, ''"
    })
    void decidesWhetherAColleagueMayBeConsulted(RelationshipKind kind, Decision expected, String rule) {
        PersonId colleague = PersonId.random();
        PersonId person = PersonId.random();
        Relationship tie = new Relationship(
                RelationshipId.random(),
                AGENCY,
                kind,
                colleague,
                person,
                DAY.minusMonths(3),
                null,
                RelationshipSource.DECLARED,
                null,
                Visibility.PARTIES,
                null);
        AgencyGraph graph = AgencyGraph.build(
                List.of(staff(colleague, Role.SUPERVISOR), staff(person, Role.PEER_WORKER)), List.of(tie), DAY);

        ConflictEngine.Evaluation answer =
                ConflictEngine.evaluate(graph, DEFAULT, Action.CONSULT_ON, colleague, person);

        assertThat(answer.decision()).isEqualTo(expected);
        assertThat(answer.matches().stream().map(ConflictEngine.Match::rule).toList())
                .isEqualTo(rule.isEmpty() ? List.of() : List.of(rule));
    }

    @ParameterizedTest(name = "{0} may be consulted")
    @CsvSource({"SUPERVISOR, true", "MANAGER, true", "PRIVACY_LEAD, true", "PEER_WORKER, false", "CLINICIAN, false"})
    void namesWhoMayBeConsulted(Role role, boolean may) {
        assertThat(DEFAULT.eligibleFor(Action.CONSULT_ON).contains(role)).isEqualTo(may);
    }

    private static Person staff(PersonId id, Role role) {
        return new Person(
                id,
                AGENCY,
                new PersonDetails("Person " + id.value().toString().substring(0, 4), null, null, null, null),
                true,
                0,
                List.of(new PersonRole(RoleId.random(), role, null, null, DAY.minusYears(2), null)));
    }
}
