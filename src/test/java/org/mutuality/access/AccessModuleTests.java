package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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
class AccessModuleTests {

    static final LocalDate SINCE = LocalDate.of(2020, 1, 1);

    @Autowired
    AccessGuard guard;

    @Autowired
    Directory directory;

    @Autowired
    RelationshipRegister register;

    AgencyId agency;
    Person clinician;
    Person patient;
    Person manager;

    @BeforeEach
    void anAgencyWithAClinic() {
        agency = directory.createAgency("Access alone " + UUID.randomUUID(), false);
        ProgramId clinic = directory.createProgram(agency, "Clinic", null).id();
        clinician = person("Claire Clinician", Role.CLINICIAN, clinic);
        patient = person("Paul Patient", Role.SERVICE_USER, clinic);
        manager = person("Mona Manager", Role.MANAGER, null);
    }

    @Test
    void anAssignmentOfCareOpensTheCareNotesToTheClinician() {
        assertThat(careNotes().allowed()).isFalse();

        register.declare(signedIn(manager), relationship(RelationshipKind.TREATS));

        assertThat(careNotes()).isEqualTo(new AccessDecision.Granted(Basis.CIRCLE_OF_CARE));
    }

    @Test
    void aRelationshipTheClinicianDeclaresOpensNothing() {
        register.declare(signedIn(clinician), relationship(RelationshipKind.FRIEND));
        assertThatThrownBy(() -> register.declare(signedIn(clinician), relationship(RelationshipKind.TREATS)))
                .isInstanceOf(ForbiddenException.class);

        assertThat(careNotes().allowed()).isFalse();
        assertThat(guard.readersOf(agency, patient.id())).isEmpty();
    }

    private AccessDecision careNotes() {
        return guard.decide(signedIn(clinician), patient.id(), RecordKind.CARE_NOTES, Purpose.CARE);
    }

    private DeclareRelationship relationship(RelationshipKind kind) {
        return new DeclareRelationship(kind, clinician.id(), patient.id(), SINCE, null, null, null);
    }

    private Person person(String name, Role role, @Nullable ProgramId program) {
        return directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, program, null, SINCE, null)));
    }

    private SignedInUser signedIn(Person person) {
        return new SignedInUser(
                new AccountId(UUID.randomUUID()),
                person.id(),
                agency,
                "t-" + person.id(),
                person.displayName(),
                Set.copyOf(person.activeRoles(SINCE)),
                false,
                null);
    }
}
