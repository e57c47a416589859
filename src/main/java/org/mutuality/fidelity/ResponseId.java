package org.mutuality.fidelity;

import java.util.UUID;

/** A completed questionnaire's id. */
public record ResponseId(UUID value) {

    public static ResponseId random() {
        return new ResponseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
