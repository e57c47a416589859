package org.mutuality.workforce;

import java.util.Objects;
import java.util.UUID;

/** Identifies a certification a person holds. */
public record CertificationId(UUID value) {

    public CertificationId {
        Objects.requireNonNull(value, "CertificationId must not be null");
    }

    public static CertificationId random() {
        return new CertificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
