package org.mutuality.practice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a boundary agreement. */
public record BoundaryAgreementId(UUID value) {

    public BoundaryAgreementId {
        Objects.requireNonNull(value, "boundary agreement id must not be null");
    }

    public static BoundaryAgreementId random() {
        return new BoundaryAgreementId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
