package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a person in an agency's directory. */
public record PersonId(UUID value) {

    public PersonId {
        Objects.requireNonNull(value, "person id must not be null");
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
