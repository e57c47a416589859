package org.mutuality.support;

import java.util.Objects;
import java.util.UUID;

/** Identifies a phrase of an agency's respectful-language list. */
public record PhraseId(UUID value) {

    public PhraseId {
        Objects.requireNonNull(value, "phrase id must not be null");
    }

    public static PhraseId random() {
        return new PhraseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
