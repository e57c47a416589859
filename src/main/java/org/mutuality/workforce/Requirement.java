package org.mutuality.workforce;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One thing a person's file is checked for: a training of the catalogue their roles require (with the
 * record that stands for it, if any), or a certification they hold (the one that stands for its
 * body). Exactly one of {@code training} and {@code certification} is set.
 */
public record Requirement(
        @Nullable Training training,
        @Nullable TrainingRecord latest,
        @Nullable Certification certification,
        Standing standing) {

    public Requirement {
        if ((training == null) == (certification == null)) {
            throw new IllegalStateException("a requirement is a training or a certification, not both or neither");
        }
    }

    /** When it expires: the standing record's or certification's expiry; null when none, or never. */
    public @Nullable LocalDate expiresOn() {
        if (certification != null) {
            return certification.expiresOn();
        }
        return latest == null ? null : latest.expiresOn();
    }

    /** When it was last completed or issued; null when nothing is recorded. */
    public @Nullable LocalDate completedOn() {
        if (certification != null) {
            return certification.issuedOn();
        }
        return latest == null ? null : latest.completedOn();
    }
}
