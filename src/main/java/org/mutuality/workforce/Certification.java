package org.mutuality.workforce;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;

/**
 * A certification a person holds: the body that issued it, its number, when it was issued and when
 * it expires (null for never), and who recorded it. A renewal is a new record; the one that expires
 * last stands for its body.
 */
public record Certification(
        CertificationId id,
        PersonId person,
        String body,
        String number,
        LocalDate issuedOn,
        @Nullable LocalDate expiresOn,
        PersonId recordedBy,
        Instant recordedAt) {

    /**
     * A new record of a certification.
     *
     * @throws BadInputException when it was issued after today
     */
    public static Certification record(PersonId person, Certify c, PersonId by, LocalDate today, Instant at) {
        if (c.issuedOn().isAfter(today)) {
            throw new BadInputException("training.issuedInFuture", Explanation.field("issuedOn"), today);
        }
        return new Certification(
                CertificationId.random(), person, c.body(), c.number(), c.issuedOn(), c.expiresOn(), by, at);
    }

    public Standing standing(LocalDate today) {
        return Standing.of(expiresOn, today);
    }

    /** Whether this one stands over another of the same body: it expires later, or never. */
    public boolean supersedes(Certification other) {
        if (expiresOn == null) {
            return other.expiresOn != null || !issuedOn.isBefore(other.issuedOn);
        }
        return other.expiresOn != null && expiresOn.isAfter(other.expiresOn);
    }
}
