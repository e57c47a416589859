package org.mutuality.practice;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.BoundaryArea;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.Text;

/**
 * A short agreement a peer worker and a participant who know each other write and accept together
 * when a consultation let the peer worker support them with safeguards (DOMAIN.md S6): contact
 * outside the agency, evenings, social media, and what each does if it gets hard. It holds the
 * consultant's safeguards as they were named.
 *
 * <p>It is {@code OPEN} while being written: either of the two writes, and writing takes back both
 * acceptances, since they accept the words together. It is {@code AGREED} once both accepted the
 * same words. Either may then ask to revisit it, which opens it again for both to accept.
 */
public record BoundaryAgreement(
        BoundaryAgreementId id,
        ConsultationId consultation,
        PersonId peer,
        PersonId participant,
        List<String> safeguards,
        Map<Topic, String> topics,
        Status status,
        @Nullable Instant peerAcceptedAt,
        @Nullable Instant participantAcceptedAt,
        @Nullable PersonId revisitAskedBy,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** Where an agreement stands. */
    public enum Status {
        OPEN,
        AGREED
    }

    /**
     * What the two agree on. The first two are areas of a boundary plan too ({@link #area()}): the
     * peer worker's own approach there is where the agreement starts.
     */
    public enum Topic {
        OUTSIDE_CONTACT(BoundaryArea.OUTSIDE_CONTACT),
        SOCIAL_MEDIA(BoundaryArea.SOCIAL_MEDIA),
        EVENINGS(null),
        IF_IT_GETS_HARD(null);

        private final @Nullable BoundaryArea area;

        Topic(@Nullable BoundaryArea area) {
            this.area = area;
        }

        /** The area of a boundary plan this topic is, if it is one. */
        public @Nullable BoundaryArea area() {
            return area;
        }
    }

    public BoundaryAgreement {
        Objects.requireNonNull(id, "id");
        safeguards = List.copyOf(safeguards);
        EnumMap<Topic, String> kept = new EnumMap<>(Topic.class);
        kept.putAll(topics);
        topics = Map.copyOf(kept);
    }

    /** A new agreement to write, started from the peer worker's own words where they have some. */
    public static BoundaryAgreement start(
            ConsultationId consultation,
            PersonId peer,
            PersonId participant,
            List<String> safeguards,
            Map<Topic, String> draft,
            Instant at) {
        return new BoundaryAgreement(
                BoundaryAgreementId.random(),
                consultation,
                peer,
                participant,
                safeguards,
                written(draft),
                Status.OPEN,
                null,
                null,
                null,
                at,
                at,
                0);
    }

    /** Whether the person is one of the two. */
    public boolean party(PersonId person) {
        return person.equals(peer) || person.equals(participant);
    }

    /** Whether this person has accepted the words as they stand. */
    public boolean acceptedBy(PersonId person) {
        return person.equals(peer)
                ? peerAcceptedAt != null
                : person.equals(participant) && participantAcceptedAt != null;
    }

    /**
     * One of the two wrote the agreement: its words now, and neither acceptance stands.
     *
     * @throws ForbiddenException unless {@code by} is one of the two
     * @throws ConflictException once agreed (ask to revisit it first)
     * @throws BadInputException when a topic's text is over 1,000 characters
     */
    public BoundaryAgreement write(PersonId by, Map<Topic, String> words, Instant at) {
        requireParty(by);
        require(Status.OPEN);
        return new BoundaryAgreement(
                id,
                consultation,
                peer,
                participant,
                safeguards,
                written(words),
                Status.OPEN,
                null,
                null,
                revisitAskedBy,
                createdAt,
                at,
                version);
    }

    /**
     * One of the two accepts the words as they stand; once both have, it is agreed.
     *
     * @throws ForbiddenException unless {@code by} is one of the two
     * @throws ConflictException once agreed, or when {@code by} already accepted these words
     * @throws BadInputException when nothing is written yet
     */
    public BoundaryAgreement accept(PersonId by, Instant at) {
        requireParty(by);
        require(Status.OPEN);
        if (acceptedBy(by)) {
            throw new ConflictException("agreement.alreadyAccepted");
        }
        if (topics.isEmpty()) {
            throw new BadInputException("agreement.nothingWritten");
        }
        Instant peerAt = by.equals(peer) ? at : peerAcceptedAt;
        Instant participantAt = by.equals(participant) ? at : participantAcceptedAt;
        Status to = peerAt != null && participantAt != null ? Status.AGREED : Status.OPEN;
        return new BoundaryAgreement(
                id,
                consultation,
                peer,
                participant,
                safeguards,
                topics,
                to,
                peerAt,
                participantAt,
                to == Status.AGREED ? null : revisitAskedBy,
                createdAt,
                at,
                version);
    }

    /**
     * One of the two asks to revisit the agreement: it opens again, for both to accept anew.
     *
     * @throws ForbiddenException unless {@code by} is one of the two
     * @throws ConflictException unless it is agreed
     */
    public BoundaryAgreement revisit(PersonId by, Instant at) {
        requireParty(by);
        require(Status.AGREED);
        return new BoundaryAgreement(
                id,
                consultation,
                peer,
                participant,
                safeguards,
                topics,
                Status.OPEN,
                null,
                null,
                by,
                createdAt,
                at,
                version);
    }

    /** The other of the two. */
    public PersonId other(PersonId person) {
        return person.equals(peer) ? participant : peer;
    }

    private void requireParty(PersonId by) {
        if (!party(by)) {
            throw new ForbiddenException("agreement.partiesOnly");
        }
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new ConflictException(
                    "agreement.notNow", Explanation.term("agreement.status." + status.name(), status.name()));
        }
    }

    private static Map<Topic, String> written(Map<Topic, String> words) {
        EnumMap<Topic, String> kept = new EnumMap<>(Topic.class);
        words.forEach((topic, text) -> {
            String t = Text.optional("topics", text, Text.Limit.NOTE);
            if (t != null) {
                kept.put(Objects.requireNonNull(topic, "topic"), t);
            }
        });
        return kept;
    }
}
