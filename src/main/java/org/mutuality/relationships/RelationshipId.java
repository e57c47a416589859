package org.mutuality.relationships;

import java.util.Objects;
import java.util.UUID;

/** Identifies a relationship in the register. */
public record RelationshipId(UUID value) {

    public RelationshipId {
        Objects.requireNonNull(value, "relationship id must not be null");
    }

    public static RelationshipId random() {
        return new RelationshipId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
