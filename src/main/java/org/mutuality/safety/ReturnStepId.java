package org.mutuality.safety;

import java.util.Objects;
import java.util.UUID;

/** Identifies one step of a role pause's return plan. */
public record ReturnStepId(UUID value) {

    public ReturnStepId {
        Objects.requireNonNull(value, "return step id must not be null");
    }

    public static ReturnStepId random() {
        return new ReturnStepId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
