package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The access module with only the modules it may use (audit, directory, notices, relationships, the
 * kernel): what the register records changes what the guard answers. An assignment of care opens a
 * clinician's care notes of the person; a relationship declared by the clinician does not.
 */
@ApplicationModuleTest(
        mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
        webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@Import(TestAgency.class)
class AccessModuleTests {

    static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    @Autowired
    AccessGuard guard;

    @Autowired
    TestAgency fixture;

    @Autowired
    RelationshipRegister register;

    TestAgency agency;
    Person clinician;
    Person patient;
    Person manager;

    @BeforeEach
    void anAgencyWithAClinic() {
        agency = fixture.inAgency("Access alone");
        Program clinic = agency.program("Clinic");
        clinician =
                agency.person("Claire Clinician").role(Role.CLINICIAN, clinic).create();
        patient = agency.person("Paul Patient").role(Role.SERVICE_USER, clinic).create();
        manager = agency.person("Mona Manager").roleAcrossAgency(Role.MANAGER).create();
    }

    @Test
    void anAssignmentOfCareOpensTheCareNotesToTheClinician() {
        assertThat(careNotes().allowed()).isFalse();

        register.declare(agency.signedIn(manager), relationship(RelationshipKind.TREATS));

        assertThat(careNotes()).isEqualTo(new AccessDecision.Granted(Basis.CIRCLE_OF_CARE));
    }

    @Test
    void aRelationshipTheClinicianDeclaresOpensNothing() {
        register.declare(agency.signedIn(clinician), relationship(RelationshipKind.FRIEND));
        assertThatThrownBy(() -> register.declare(agency.signedIn(clinician), relationship(RelationshipKind.TREATS)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(careNotes().allowed()).isFalse();
        assertThat(guard.readersOf(agency.id(), patient.id())).isEmpty();
    }

    private AccessDecision careNotes() {
        return guard.decide(agency.signedIn(clinician), patient.id(), RecordKind.CARE_NOTES, Purpose.CARE);
    }

    private DeclareRelationship relationship(RelationshipKind kind) {
        return new DeclareRelationship(kind, clinician.id(), patient.id(), SINCE, null, null, null);
    }
}
