package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;

/** A supervisor sees that an invitation was made, never the participant, and a reflection only if shared. */
class ReflectionInvitationTests {

    static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void showsTheSupervisorNeitherTheParticipantNorAPrivateReflection() {
        ReflectionInvitation seen = invitation(false).asTheSupervisorSeesIt();

        assertThat(seen.participant()).isNull();
        assertThat(seen.reflection()).isNull();
        assertThat(seen.detail()).isEqualTo("3|2026-11|2");
    }

    @Test
    void showsTheSupervisorAReflectionItsAuthorShared() {
        assertThat(invitation(true).asTheSupervisorSeesIt().reflection()).isEqualTo("I stayed too long.");
    }

    private static ReflectionInvitation invitation(boolean reflectionShared) {
        return new ReflectionInvitation(
                InvitationId.random(),
                new PersonId(UUID.randomUUID()),
                BoundaryLimit.OUTSIDE_CONTACTS_PER_MONTH,
                new PersonId(UUID.randomUUID()),
                "3|2026-11|2",
                true,
                AT,
                "I stayed too long.",
                reflectionShared,
                AT.plusSeconds(60));
    }
}
