package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies one staff member's work plan for one year. */
public record WorkPlanId(UUID value) {

    public WorkPlanId {
        Objects.requireNonNull(value, "work plan id must not be null");
    }

    public static WorkPlanId random() {
        return new WorkPlanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
