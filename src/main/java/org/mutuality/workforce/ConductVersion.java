package org.mutuality.workforce;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Text;

/**
 * One version of an agency's code of conduct. Versions are numbered from 1 and never change: an
 * edit is the next version ({@link #next}), and the earlier ones stay readable. Version 1 is
 * Mutuality's starting text, published by no one and for no reason; every later version names the
 * person who published it and why.
 *
 * @param number 1 for the starting text, then one more for each edit
 * @param reason why it was published; null only for the starting text
 * @param publishedBy who published it; null only for the starting text
 */
public record ConductVersion(
        int number,
        ConductText text,
        @Nullable String reason,
        @Nullable PersonId publishedBy,
        Instant publishedAt) {

    public ConductVersion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (number < 1) {
            throw new IllegalStateException("a version is numbered from 1, was " + number);
        }
        if ((reason == null) != (publishedBy == null)) {
            throw new IllegalStateException(
                    "a version has both a reason and an author, or neither (version " + number + ")");
        }
    }

    /** Mutuality's starting text as an agency's version 1. */
    public static ConductVersion starting(ConductText text, Instant at) {
        return new ConductVersion(1, text, null, null, at);
    }

    /** Whether this is Mutuality's starting text, not yet edited by the agency. */
    public boolean isStartingText() {
        return publishedBy == null;
    }

    /**
     * The version that follows this one: its number one more, the new text, who published it and why.
     * This version is not changed.
     *
     * @throws BadInputException when the reason is blank or over 1,000 characters, or the text is the
     *     same as this version's in both languages
     */
    public ConductVersion next(ConductText newText, PersonId by, @Nullable String why, Instant at) {
        String reason = Text.required("reason", why, Text.Limit.NOTE);
        if (newText.equals(text)) {
            throw new BadInputException("conduct.unchanged", number);
        }
        return new ConductVersion(number + 1, newText, reason, by, at);
    }

    /**
     * A staff member's attestation that they read this version, if {@code version} is this one.
     *
     * @throws NotFoundException when no such version exists (below 1, or after this one)
     * @throws ConflictException when {@code version} is an earlier version: only the current one is
     *     attested
     */
    public Attestation attest(PersonId by, int version, Instant at) {
        if (version < 1 || version > number) {
            throw new NotFoundException("notFound.conductVersion", version);
        }
        if (version < number) {
            throw new ConflictException("conduct.notCurrent", version, number);
        }
        return new Attestation(by, number, at);
    }
}
