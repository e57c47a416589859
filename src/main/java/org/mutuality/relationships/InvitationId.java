package org.mutuality.relationships;

import java.util.Objects;
import java.util.UUID;

/** Identifies an invitation to reflect. */
public record InvitationId(UUID value) {

    public InvitationId {
        Objects.requireNonNull(value, "invitation id must not be null");
    }

    public static InvitationId random() {
        return new InvitationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
