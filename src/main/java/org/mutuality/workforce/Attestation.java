package org.mutuality.workforce;

import java.time.Instant;
import java.util.Objects;
import org.mutuality.directory.PersonId;

/** A staff member read a version of the code of conduct and said they will follow it. */
public record Attestation(PersonId person, int version, Instant at) {

    public Attestation {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(at, "at");
        if (version < 1) {
            throw new IllegalStateException("a version is numbered from 1, was " + version);
        }
    }
}
