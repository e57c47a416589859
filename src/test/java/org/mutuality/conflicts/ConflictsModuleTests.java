package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
@Import(TestAgency.class)
class ConflictsModuleTests {

    @Autowired
    ConflictCheck check;

    @Autowired
    TestAgency fixture;

    @Autowired
    RelationshipRegister register;

    @Test
    void aFamilyTieBlocksApprovingHoursAndOffersSomeoneElse() {
        TestAgency agency = fixture.inAgency("Conflicts alone");
        Person worker =
                agency.person("Wendy Worker").roleAcrossAgency(Role.PEER_WORKER).create();
        Person sister = agency.person("Sara Supervisor")
                .roleAcrossAgency(Role.SUPERVISOR)
                .create();
        Person other = agency.person("Otto Supervisor")
                .roleAcrossAgency(Role.SUPERVISOR)
                .create();
        SignedInUser asSister = agency.signedIn(sister);
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
}
