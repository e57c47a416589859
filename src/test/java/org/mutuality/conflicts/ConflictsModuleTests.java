package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The conflicts module with only the modules it may use (audit, directory, relationships, the
 * kernel): a relationship recorded in the register changes what the check answers, and the check
 * offers someone else.
 */
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
class ConflictsModuleTests {

    @Autowired
    ConflictCheck check;

    @Autowired
    Directory directory;

    @Autowired
    RelationshipRegister register;

    @Test
    void aFamilyTieBlocksApprovingHoursAndOffersSomeoneElse() {
        AgencyId agency = directory.createAgency("Conflicts alone " + UUID.randomUUID(), false);
        Person worker = person(agency, "Wendy Worker", Role.PEER_WORKER);
        Person sister = person(agency, "Sara Supervisor", Role.SUPERVISOR);
        Person other = person(agency, "Otto Supervisor", Role.SUPERVISOR);
        SignedInUser asSister = signedIn(agency, sister);
        assertThat(check.check(asSister, Action.APPROVE_TIMESHEET, sister.id(), worker.id())
                        .decision())
                .isEqualTo(Decision.ALLOW);

        register.declare(
                asSister,
                new DeclareRelationship(RelationshipKind.FAMILY, sister.id(), worker.id(), null, null, null, null));

        ConflictDecision decision = check.check(asSister, Action.APPROVE_TIMESHEET, sister.id(), worker.id());
        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.reasons()).extracting(ConflictDecision.Reason::rule).contains("intimate-or-family");
        assertThat(decision.alternatives())
                .extracting(ConflictDecision.Alternative::personId)
                .contains(other.id())
                .doesNotContain(sister.id(), worker.id());
    }

    private Person person(AgencyId agency, String name, Role role) {
        return directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, null, null, LocalDate.of(2020, 1, 1), null)));
    }

    private static SignedInUser signedIn(AgencyId agency, Person person) {
        return new SignedInUser(
                new AccountId(UUID.randomUUID()),
                person.id(),
                agency,
                "t-" + person.id(),
                person.displayName(),
                Set.copyOf(person.activeRoles(LocalDate.of(2026, 1, 1))),
                false,
                null);
    }
}
