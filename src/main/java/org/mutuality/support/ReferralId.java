package org.mutuality.support;

import java.util.Objects;
import java.util.UUID;

/** Identifies a referral to peer support. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "referral id must not be null");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
