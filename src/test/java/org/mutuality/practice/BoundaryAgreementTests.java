package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.BoundaryAgreement.Status;
import org.mutuality.practice.BoundaryAgreement.Topic;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.shared.ForbiddenException;

/** Writing, accepting together and revisiting a boundary agreement, without Spring. */
class BoundaryAgreementTests {

    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final PersonId PEER = new PersonId(UUID.randomUUID());
    static final PersonId PARTICIPANT = new PersonId(UUID.randomUUID());
    static final Map<Topic, String> WORDS = Map.of(
            Topic.EVENINGS, "Support messages wait until the morning.",
            Topic.IF_IT_GETS_HARD, "Either of us says so and we ask for another peer worker.");

    @Test
    void startsOpenFromThePeerWorkersOwnWords() {
        BoundaryAgreement a =
                started(Map.of(Topic.SOCIAL_MEDIA, " I do not follow participants. ", Topic.EVENINGS, " "));

        assertThat(a.status()).isEqualTo(Status.OPEN);
        assertThat(a.topics()).containsExactly(Map.entry(Topic.SOCIAL_MEDIA, "I do not follow participants."));
        assertThat(a.safeguards()).containsExactly("Agree on evenings");
    }

    @Test
    void isAgreedOnceBothAcceptTheSameWords() {
        BoundaryAgreement one = written().accept(PEER, NOW);

        assertThat(one.status()).isEqualTo(Status.OPEN);
        assertThat(one.acceptedBy(PEER)).isTrue();
        assertThat(one.accept(PARTICIPANT, NOW).status()).isEqualTo(Status.AGREED);
    }

    @Test
    void takesBothAcceptancesBackWhenTheWordsChange() {
        BoundaryAgreement rewritten = written().accept(PEER, NOW).write(PARTICIPANT, WORDS, NOW);

        assertThat(rewritten.acceptedBy(PEER)).isFalse();
        assertThat(rewritten.accept(PARTICIPANT, NOW).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void refusesAcceptingTwice() {
        assertThatThrownBy(() -> written().accept(PEER, NOW).accept(PEER, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("agreement.alreadyAccepted"));
    }

    @Test
    void refusesAcceptingNothing() {
        assertThatThrownBy(() -> started(Map.of()).accept(PEER, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("agreement.nothingWritten"));
    }

    @Test
    void refusesAnyoneButTheTwo() {
        PersonId supervisor = new PersonId(UUID.randomUUID());

        for (Runnable step : List.<Runnable>of(
                () -> written().write(supervisor, WORDS, NOW),
                () -> written().accept(supervisor, NOW),
                () -> agreed().revisit(supervisor, NOW))) {
            assertThatThrownBy(step::run)
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("agreement.partiesOnly"));
        }
    }

    @Test
    void refusesChangingAnAgreedAgreementWithoutRevisitingIt() {
        assertThatThrownBy(() -> agreed().write(PEER, WORDS, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("agreement.notNow"))
                .hasMessageContaining("“agreed by both”");
    }

    @Test
    void reopensForBothWhenEitherAsksToRevisit() {
        BoundaryAgreement reopened = agreed().revisit(PARTICIPANT, NOW);

        assertThat(reopened.status()).isEqualTo(Status.OPEN);
        assertThat(reopened.acceptedBy(PEER)).isFalse();
        assertThat(reopened.acceptedBy(PARTICIPANT)).isFalse();
        assertThat(reopened.revisitAskedBy()).isEqualTo(PARTICIPANT);
        assertThat(reopened.topics()).isEqualTo(WORDS);
    }

    @Test
    void refusesRevisitingWhatIsStillOpen() {
        assertThatThrownBy(() -> written().revisit(PEER, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("“being written”");
    }

    @Test
    void refusesATopicOverAThousandCharacters() {
        assertThatThrownBy(() -> written().write(PEER, Map.of(Topic.EVENINGS, "x".repeat(1001)), NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("text.tooLong"));
    }

    static BoundaryAgreement started(Map<Topic, String> draft) {
        return BoundaryAgreement.start(
                ConsultationId.random(), PEER, PARTICIPANT, List.of("Agree on evenings"), draft, NOW);
    }

    static BoundaryAgreement written() {
        return started(Map.of()).write(PARTICIPANT, WORDS, NOW);
    }

    static BoundaryAgreement agreed() {
        return written().accept(PEER, NOW).accept(PARTICIPANT, NOW);
    }

    static String key(Throwable e) {
        return ((Explained) e).explanation().key();
    }
}
