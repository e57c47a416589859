package org.mutuality.directory;

import java.util.Objects;
import java.util.UUID;

/** Identifies a program in an agency's directory. */
public record ProgramId(UUID value) {

    public ProgramId {
        Objects.requireNonNull(value, "program id must not be null");
    }

    public static ProgramId random() {
        return new ProgramId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
