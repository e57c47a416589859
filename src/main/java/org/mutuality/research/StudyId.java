package org.mutuality.research;

import java.util.Objects;
import java.util.UUID;

/** Identifies a study. */
public record StudyId(UUID value) {

    public StudyId {
        Objects.requireNonNull(value, "study id must not be null");
    }

    public static StudyId random() {
        return new StudyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
