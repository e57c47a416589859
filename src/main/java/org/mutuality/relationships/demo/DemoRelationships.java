package org.mutuality.relationships.demo;

import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.DemoCast;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
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
        PersonId privacy = people.require("Priya Shah");
        PersonId admin = people.require("Alexandra Morgan");

        add(
                agency,
                RelationshipKind.TREATS,
                people.require("Hélène Tremblay"),
                people.require("Jordan Lee"),
                today.minusMonths(18),
                RelationshipSource.CARE_TEAM,
                privacy,
                null);
        add(
                agency,
                RelationshipKind.APPROVES_TIME,
                people.require("Hélène Tremblay"),
                people.require("Jordan Lee"),
                today.minusYears(2),
                RelationshipSource.DECLARED,
                admin,
                "The clinic lead has signed the peer team's hours since the program started.");
        add(
                agency,
                RelationshipKind.SUPERVISES,
                people.require("Samuel Okafor"),
                people.require("Jordan Lee"),
                today.minusYears(2),
                RelationshipSource.SUPERVISION,
                admin,
                null);
        add(
                agency,
                RelationshipKind.SUPERVISES,
                people.require("Samuel Okafor"),
                people.require("Marc-André Gagnon"),
                today.minusYears(1),
                RelationshipSource.SUPERVISION,
                admin,
                null);
        add(
                agency,
                RelationshipKind.APPROVES_TIME,
                people.require("Samuel Okafor"),
                people.require("Marc-André Gagnon"),
                today.minusYears(1),
                RelationshipSource.SUPERVISION,
                admin,
                null);
        add(
                agency,
                RelationshipKind.SUPERVISES,
                people.require("Samuel Okafor"),
                people.require("Taylor Kim"),
                today.minusMonths(5),
                RelationshipSource.SUPERVISION,
                admin,
                null);
        add(
                agency,
                RelationshipKind.APPROVES_TIME,
                people.require("Christopher Wong"),
                people.require("Rosa Díaz"),
                today.minusMonths(8),
                RelationshipSource.SUPERVISION,
                admin,
                null);
        add(
                agency,
                RelationshipKind.FRIEND,
                people.require("Marc-André Gagnon"),
                people.require("Louise Bernard"),
                today.minusYears(20),
                RelationshipSource.DECLARED,
                people.require("Marc-André Gagnon"),
                "Friends since school. I would not call her in the evening unless it was necessary.");
        add(
                agency,
                RelationshipKind.FRIEND,
                people.require("Nadia Haddad"),
                people.require("Ahmed Karim"),
                today.minusYears(6),
                RelationshipSource.DECLARED,
                people.require("Nadia Haddad"),
                "We met in a self-help group years ago.");
        add(
                agency,
                RelationshipKind.NEIGHBOUR,
                people.require("Nadia Haddad"),
                people.require("Maya Singh"),
                null,
                RelationshipSource.DECLARED,
                people.require("Nadia Haddad"),
                null);
        add(
                agency,
                RelationshipKind.NEIGHBOUR,
                people.require("Rosa Díaz"),
                people.require("Kevin Brown"),
                null,
                RelationshipSource.DECLARED,
                people.require("Rosa Díaz"),
                null);
        add(
                agency,
                RelationshipKind.NEIGHBOUR,
                people.require("Jordan Lee"),
                people.require("Grace Adeyemi"),
                null,
                RelationshipSource.DECLARED,
                people.require("Jordan Lee"),
                null);
        // A small town: the peers live near the participants they support (S11).
        add(
                agency,
                RelationshipKind.NEIGHBOUR,
                people.require("Jordan Lee"),
                people.require("Julie Roy"),
                null,
                RelationshipSource.DECLARED,
                people.require("Jordan Lee"),
                null);
        add(
                agency,
                RelationshipKind.NEIGHBOUR,
                people.require("Marc-André Gagnon"),
                people.require("Liam Murphy"),
                null,
                RelationshipSource.DECLARED,
                people.require("Marc-André Gagnon"),
                null);
        add(
                agency,
                RelationshipKind.SUPPORTS,
                people.require("Jordan Lee"),
                people.require("Julie Roy"),
                today.minusMonths(4),
                RelationshipSource.ASSIGNMENT,
                people.require("Samuel Okafor"),
                null);
        add(
                agency,
                RelationshipKind.SUPPORTS,
                people.require("Marc-André Gagnon"),
                people.require("Liam Murphy"),
                today.minusMonths(3),
                RelationshipSource.ASSIGNMENT,
                people.require("Samuel Okafor"),
                null);
    }

    private void add(
            AgencyId agency,
            RelationshipKind kind,
            PersonId a,
            PersonId b,
            @Nullable LocalDate since,
            RelationshipSource source,
            PersonId declaredBy,
            @Nullable String note) {
        relationships.insert(new Relationship(
                RelationshipId.random(),
                agency,
                kind,
                a,
                b,
                since,
                null,
                source,
                declaredBy,
                kind.defaultVisibility(),
                note));
    }
}
