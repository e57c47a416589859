package org.mutuality.relationships.demo;

import static org.mutuality.relationships.RelationshipKind.*;
import static org.mutuality.relationships.RelationshipSource.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipSource;
import org.mutuality.relationships.store.Relationships;
import org.mutuality.shared.AgencyId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives the demo agency the relationships its situations need: the psychiatrist treats the peer
 * worker Jordan and has long signed the peer team's hours (S1); Marc's long-time friend Louise is a
 * participant (S8); the researcher knows two participants (S9); neighbours in a small town (S11);
 * supervision of the peer team.
 */
@Component
@ConditionalOnProperty(name = "mutuality.demo.enabled", havingValue = "true")
@Order(11)
class DemoRelationships implements ApplicationRunner {

    private final Directory directory;
    private final Relationships relationships;
    private final Clock clock;

    DemoRelationships(Directory directory, Relationships relationships, Clock clock) {
        this.directory = directory;
        this.relationships = relationships;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        AgencyId agency = directory.demoAgency().orElse(null);
        if (agency == null
                || !relationships.current(agency, LocalDate.now(clock)).isEmpty()) {
            return;
        }
        DemoCast people = directory.demoCast(agency);
        LocalDate today = LocalDate.now(clock);
        for (Row r : List.of(
                new Row(TREATS, "Hélène Tremblay", "Jordan Lee", today.minusMonths(18), CARE_TEAM, "Priya Shah", null),
                new Row(
                        APPROVES_TIME,
                        "Hélène Tremblay",
                        "Jordan Lee",
                        today.minusYears(2),
                        DECLARED,
                        "Alexandra Morgan",
                        "The clinic lead has signed the peer team's hours since the program started."),
                new Row(
                        SUPERVISES,
                        "Samuel Okafor",
                        "Jordan Lee",
                        today.minusYears(2),
                        SUPERVISION,
                        "Alexandra Morgan",
                        null),
                new Row(
                        SUPERVISES,
                        "Samuel Okafor",
                        "Marc-André Gagnon",
                        today.minusYears(1),
                        SUPERVISION,
                        "Alexandra Morgan",
                        null),
                new Row(
                        APPROVES_TIME,
                        "Samuel Okafor",
                        "Marc-André Gagnon",
                        today.minusYears(1),
                        SUPERVISION,
                        "Alexandra Morgan",
                        null),
                new Row(
                        SUPERVISES,
                        "Samuel Okafor",
                        "Taylor Kim",
                        today.minusMonths(5),
                        SUPERVISION,
                        "Alexandra Morgan",
                        null),
                new Row(
                        APPROVES_TIME,
                        "Christopher Wong",
                        "Rosa Díaz",
                        today.minusMonths(8),
                        SUPERVISION,
                        "Alexandra Morgan",
                        null),
                new Row(
                        FRIEND,
                        "Marc-André Gagnon",
                        "Louise Bernard",
                        today.minusYears(20),
                        DECLARED,
                        "Marc-André Gagnon",
                        "Friends since school. I would not call her in the evening unless it was necessary."),
                new Row(
                        FRIEND,
                        "Nadia Haddad",
                        "Ahmed Karim",
                        today.minusYears(6),
                        DECLARED,
                        "Nadia Haddad",
                        "We met in a self-help group years ago."),
                new Row(NEIGHBOUR, "Nadia Haddad", "Maya Singh", null, DECLARED, "Nadia Haddad", null),
                new Row(NEIGHBOUR, "Rosa Díaz", "Kevin Brown", null, DECLARED, "Rosa Díaz", null),
                new Row(NEIGHBOUR, "Jordan Lee", "Grace Adeyemi", null, DECLARED, "Jordan Lee", null),
                // A small town: the peers live near the participants they support (S11).
                new Row(NEIGHBOUR, "Jordan Lee", "Julie Roy", null, DECLARED, "Jordan Lee", null),
                new Row(NEIGHBOUR, "Marc-André Gagnon", "Liam Murphy", null, DECLARED, "Marc-André Gagnon", null),
                new Row(SUPPORTS, "Jordan Lee", "Julie Roy", today.minusMonths(4), ASSIGNMENT, "Samuel Okafor", null),
                new Row(
                        SUPPORTS,
                        "Marc-André Gagnon",
                        "Liam Murphy",
                        today.minusMonths(3),
                        ASSIGNMENT,
                        "Samuel Okafor",
                        null))) {
            relationships.insert(new Relationship(
                    RelationshipId.random(),
                    agency,
                    r.kind(),
                    people.require(r.a()),
                    people.require(r.b()),
                    r.since(),
                    null,
                    r.source(),
                    people.require(r.declaredBy()),
                    r.kind().defaultVisibility(),
                    r.note()));
        }
    }

    /** A relationship to seed, its people by legal name. */
    private record Row(
            RelationshipKind kind,
            String a,
            String b,
            @Nullable LocalDate since,
            RelationshipSource source,
            String declaredBy,
            @Nullable String note) {}
}
