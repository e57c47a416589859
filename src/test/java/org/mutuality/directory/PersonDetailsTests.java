package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.BadInputException;

class PersonDetailsTests {

    @Test
    void prefersThePreferredNameForDisplay() {
        assertThat(new PersonDetails("Marc-André Gagnon", "Marc", null, null, null).displayName())
                .isEqualTo("Marc");
        assertThat(new PersonDetails("Rosa Díaz", "  ", null, null, null).displayName())
                .isEqualTo("Rosa Díaz");
    }

    @Test
    void namesTheFieldThatIsMissingOrTooLong() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonDetails(" ", null, null, null, null))
                .withMessageContaining("legalName");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonDetails("A", null, "x".repeat(61), null, null))
                .withMessage("pronouns must be at most 60 characters, was 61");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonDetails("A", null, null, "not-an-email", null))
                .withMessageContaining("email");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonDetails("A", null, null, null, "call me"))
                .withMessageContaining("phone");
    }

    @Test
    void refusesWithKeysTheReaderSeesInTheirLanguage() {
        assertThatExceptionOfType(BadInputException.class)
                .isThrownBy(() -> new PersonDetails("A", null, null, null, "call me"))
                .extracting(e -> e.explanation().key())
                .isEqualTo("person.phoneForm");
        assertThatExceptionOfType(BadInputException.class)
                .isThrownBy(() -> new PersonDetails(" ", null, null, null, null))
                .extracting(e -> e.explanation().key())
                .isEqualTo("text.required");
        assertThatExceptionOfType(BadInputException.class)
                .isThrownBy(() -> Role.parse("wizard"))
                .extracting(e -> e.explanation().key())
                .isEqualTo("text.notAChoice");
    }

    @Test
    void holdsSeveralRolesAtOnce() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        Person person = new Person(
                PersonId.random(),
                new AgencyId(java.util.UUID.randomUUID()),
                new PersonDetails("Jordan Lee", null, "they/them", null, null),
                true,
                0,
                List.of(
                        new PersonRole(RoleId.random(), Role.PEER_WORKER, null, null, today.minusYears(2), null),
                        new PersonRole(RoleId.random(), Role.SERVICE_USER, null, null, today.minusYears(1), null),
                        new PersonRole(
                                RoleId.random(),
                                Role.PARTICIPANT,
                                null,
                                null,
                                today.minusYears(3),
                                today.minusYears(2))));

        assertThat(person.activeRoles(today)).containsExactlyInAnyOrder(Role.PEER_WORKER, Role.SERVICE_USER);
        assertThat(person.activeRoles(today.minusYears(2).minusDays(1))).contains(Role.PARTICIPANT);
        assertThat(person.activeRoles(today.minusYears(2)))
                .contains(Role.PEER_WORKER)
                .doesNotContain(Role.PARTICIPANT);
    }

    @Test
    void holdsAProposedPrivilegedRoleOnlyOnceConfirmedBySomeoneElse() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        PersonId holder = PersonId.random();
        PersonId proposer = PersonId.random();
        PersonRole proposed = new PersonRole(
                RoleId.random(), Role.PRIVACY_LEAD, null, null, today.minusDays(1), null, proposer, true);

        assertThat(proposed.activeOn(today)).isFalse();
        assertThat(proposed.whyNotConfirmableBy(holder, holder)).isEqualTo("role.notConfirmedByThemselves");
        assertThat(proposed.whyNotConfirmableBy(proposer, holder)).isEqualTo("role.notConfirmedByWhoProposed");
        assertThat(proposed.whyNotConfirmableBy(PersonId.random(), holder)).isNull();
    }

    @Test
    void refusesARoleThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AssignRole(
                        Role.PEER_WORKER, null, null, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 4, 30)))
                .withMessageContaining("2025-04-30");
    }

    @Test
    void refusesAPageOutsideItsBounds() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleQuery(null, null, false, -1, 10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PeopleQuery(null, null, false, 0, 101))
                .withMessage("size must be between 1 and 100, was 101");
    }

    @Test
    void parsesRoleNamesAndNamesTheAcceptedOnes() {
        assertThat(Role.parse("peer_worker")).isEqualTo(Role.PEER_WORKER);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Role.parse("wizard"))
                .withMessageContaining("PARTICIPANT");
    }
}
