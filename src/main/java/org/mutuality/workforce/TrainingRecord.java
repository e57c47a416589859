package org.mutuality.workforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A training a person completed: which entry of the catalogue, when, who gave it, for how many
 * hours, when it expires (null for never), the type of its certificate when one was uploaded, and who
 * recorded it. Records are kept: a renewal is a new record, and the newest one stands.
 */
public record TrainingRecord(
        TrainingRecordId id,
        PersonId person,
        TrainingId training,
        LocalDate completedOn,
        String provider,
        BigDecimal hours,
        @Nullable LocalDate expiresOn,
        @Nullable CertificateType certificate,
        PersonId recordedBy,
        Instant recordedAt) {

    /**
     * A new record: its expiry as given, or from the entry's renewal.
     *
     * @throws BadInputException when the day is after today
     * @throws IllegalStateException when the command names another entry than {@code training}
     */
    public static TrainingRecord record(
            PersonId person, Training training, CompleteTraining done, PersonId by, LocalDate today, Instant at) {
        if (!done.training().equals(training.id())) {
            throw new IllegalStateException("the command is for " + done.training() + ", not " + training.id());
        }
        if (done.completedOn().isAfter(today)) {
            throw new BadInputException("training.completedInFuture", Explanation.field("completedOn"), today);
        }
        LocalDate expires = done.expiresOn() != null ? done.expiresOn() : training.expiryAfter(done.completedOn());
        return new TrainingRecord(
                TrainingRecordId.random(),
                person,
                training.id(),
                done.completedOn(),
                done.provider(),
                done.hours(),
                expires,
                null,
                by,
                at);
    }

    /** The same record with a certificate of this type (replacing one uploaded before). */
    public TrainingRecord attach(CertificateType type) {
        return new TrainingRecord(
                id, person, training, completedOn, provider, hours, expiresOn, type, recordedBy, recordedAt);
    }

    public Standing standing(LocalDate today) {
        return Standing.of(expiresOn, today);
    }

    /** Whether this record stands over the other for the same training: it expires later, or never. */
    public boolean supersedes(TrainingRecord other) {
        if (expiresOn == null || other.expiresOn == null) {
            return expiresOn == null && (other.expiresOn != null || !completedOn.isBefore(other.completedOn));
        }
        return expiresOn.isAfter(other.expiresOn)
                || (expiresOn.equals(other.expiresOn) && completedOn.isAfter(other.completedOn));
    }
}
