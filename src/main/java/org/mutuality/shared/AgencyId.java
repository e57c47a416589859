package org.mutuality.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies an agency, the tenant that owns every person-level row. */
public record AgencyId(UUID value) {

    public AgencyId {
        Objects.requireNonNull(value, "agency id must not be null");
    }

    public static AgencyId of(String value) {
        return new AgencyId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
