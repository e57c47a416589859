package org.mutuality.relationships;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;

/**
 * An invitation to reflect, made when logged work passed one of the person's own limits. The
 * reflection is private to the person unless they share it with their supervisor.
 */
public record ReflectionInvitation(
        InvitationId id,
        PersonId person,
        BoundaryLimit limit,
        @Nullable PersonId participant,
        String detail,
        boolean sharedWithSupervisor,
        Instant createdAt,
        @Nullable String reflection,
        boolean reflectionShared,
        @Nullable Instant reflectedAt) {

    /** What the person's supervisor sees: never the participant, the reflection only if it was shared. */
    public ReflectionInvitation asTheSupervisorSeesIt() {
        return new ReflectionInvitation(
                id,
                person,
                limit,
                null,
                detail,
                sharedWithSupervisor,
                createdAt,
                reflectionShared ? reflection : null,
                reflectionShared,
                reflectedAt);
    }

    public boolean open() {
        return reflectedAt == null;
    }

    /**
     * The values the message for this kind of limit needs: what happened, when, and the limit, as
     * stored in {@code detail} separated by {@code |}.
     */
    public String[] args() {
        String[] parts = detail.split("\\|", -1);
        return parts.length >= 3 ? parts : new String[] {detail, "", ""};
    }
}
