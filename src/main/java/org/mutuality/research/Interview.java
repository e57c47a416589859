package org.mutuality.research;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;

/**
 * An interviewer assigned to a participant of a study, after the {@code INTERVIEW} conflict check.
 *
 * @param decision what the check answered when it was assigned (ALLOW, WARN or CONSULT)
 * @param consultation the consultation the team went ahead on when the check called for one, else null
 * @param management how the conflict is managed, when it went ahead on a consultation
 * @param participantTold whether the participant was told of the relationship
 */
public record Interview(
        UUID id,
        StudyId study,
        PersonId participant,
        PersonId interviewer,
        PersonId assignedBy,
        Instant assignedAt,
        Decision decision,
        @Nullable UUID consultation,
        @Nullable String management,
        boolean participantTold) {

    public Interview {
        Objects.requireNonNull(id, "id");
        if (decision == Decision.BLOCK) {
            throw new IllegalStateException("an interview is never assigned on a BLOCK");
        }
    }
}
