package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.ConflictException;

class RoleDescriptionTests {

    static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    static final PersonId MANAGER = new PersonId(UUID.randomUUID());

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PARTICIPANT", "SERVICE_USER"},
            mode = EnumSource.Mode.EXCLUDE)
    void shipsAnEnglishAndFrenchTextForEveryStaffRole(Role role) {
        RoleDescription shipped = RoleDescription.shipped(role, AT);

        assertThat(shipped.version()).isEqualTo(1);
        assertThat(shipped.isShipped()).isTrue();
        assertThat(shipped.text(Locale.ENGLISH)).contains("does not");
        assertThat(shipped.text(Locale.FRENCH)).contains("ne fait pas");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"PEER_WORKER", "VOLUNTEER_PEER"})
    void saysPeerRolesTakeNoPartInInvoluntaryInterventions(Role role) {
        assertThat(RoleDescription.shipped(role, AT).english()).contains("no part in involuntary interventions");
        assertThat(RoleDescription.shipped(role, AT).french()).contains("aucune intervention non volontaire");
    }

    @Test
    void revisesIntoTheNextVersion() {
        RoleDescription next = RoleDescription.shipped(Role.PEER_WORKER, AT)
                .revise("What the role does.", "Ce que fait le rôle.", "Plainer words", MANAGER, AT);

        assertThat(next.version()).isEqualTo(2);
        assertThat(next.writtenBy()).isEqualTo(MANAGER);
        assertThat(next.reason()).isEqualTo("Plainer words");
    }

    @Test
    void refusesARevisionThatChangesNothing() {
        RoleDescription shipped = RoleDescription.shipped(Role.MANAGER, AT);

        assertThatThrownBy(() -> shipped.revise(shipped.english(), shipped.french(), null, MANAGER, AT))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void hasNoDescriptionForRolesThatReceiveServices() {
        assertThatThrownBy(() -> RoleDescription.shipped(Role.PARTICIPANT, AT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
