package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies one staff member's onboarding plan. */
public record OnboardingPlanId(UUID value) {

    public OnboardingPlanId {
        Objects.requireNonNull(value, "onboarding plan id must not be null");
    }

    public static OnboardingPlanId random() {
        return new OnboardingPlanId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
