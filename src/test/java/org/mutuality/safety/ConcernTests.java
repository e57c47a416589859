package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Concern.Status;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;

/** Every step on a concern from every state, without Spring. */
class ConcernTests {

    static final Instant RAISED_AT = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final PersonId RAISER = person();
    static final PersonId WORKER = person();
    static final PersonId HANDLER = person();
    static final String TEXT = "They keep texting me late at night.";
    static final String ANSWER = "We spoke with them; messages now go through the agency.";

    @Test
    void raisesANamedConcernAboutAStaffMember() {
        Concern c = Concern.raise(RAISER, WORKER, "  " + TEXT + "  ", false, RAISED_AT);

        assertThat(c.status()).isEqualTo(Status.RAISED);
        assertThat(c.raisedBy()).isEqualTo(RAISER);
        assertThat(c.about()).isEqualTo(WORKER);
        assertThat(c.text()).isEqualTo(TEXT);
        assertThat(c.createdAt()).isEqualTo(RAISED_AT);
        assertThat(c.handler()).isNull();
    }

    @Test
    void namesNobodyInAnAnonymousConcern() {
        Concern c = Concern.raise(RAISER, WORKER, TEXT, true, RAISED_AT);

        assertThat(c.raisedBy()).isNull();
        assertThat(c.anonymous()).isTrue();
    }

    @Test
    void refusesAConcernAboutTheRaiserThemselves() {
        assertThatThrownBy(() -> Concern.raise(RAISER, RAISER, TEXT, false, RAISED_AT))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("concern.aboutSelf"));
    }

    @Test
    void refusesATextUnderTenOrOverFourThousandCharacters() {
        assertThatThrownBy(() -> Concern.raise(RAISER, null, "too short", false, RAISED_AT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("text must be at least 10 characters, was 9");
        assertThatThrownBy(() -> Concern.raise(RAISER, null, "x".repeat(4001), false, RAISED_AT))
                .isInstanceOf(BadInputException.class)
                .hasMessage("text must be at most 4,000 characters, was 4,001");
    }

    @Test
    void isTakenFromRaisedByTheHandler() {
        Concern.Moved moved = in(Status.RAISED).take(HANDLER, Decisions.of(Decision.ALLOW), GoAhead.NOTHING, NOW);

        assertThat(moved.step()).isEqualTo(Concern.Step.TAKEN);
        assertThat(moved.concern().status()).isEqualTo(Status.IN_REVIEW);
        assertThat(moved.concern().handler()).isEqualTo(HANDLER);
        assertThat(moved.concern().updatedAt()).isEqualTo(NOW);
        assertThat(moved.concern().version()).isEqualTo(3);
        assertThat(moved.step().noted()).isEqualTo("concern taken");
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "RAISED", mode = EnumSource.Mode.EXCLUDE)
    void isNotTakenOnceTaken(Status status) {
        assertThatThrownBy(() -> in(status).take(HANDLER, Decisions.of(Decision.ALLOW), GoAhead.ACKNOWLEDGED, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("concern.notRaised"))
                .hasMessageContaining("This concern is “");
    }

    @Test
    void isNotTakenByAHandlerTheConflictCheckBlocks() {
        assertThatThrownBy(
                        () -> in(Status.RAISED).take(HANDLER, Decisions.of(Decision.BLOCK), GoAhead.ACKNOWLEDGED, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Someone else should take this: They are family.");
    }

    @Test
    void isTakenDespiteAWarningOnlyOnceAcknowledged() {
        Concern c = in(Status.RAISED);

        assertThatThrownBy(() -> c.take(HANDLER, Decisions.of(Decision.WARN), GoAhead.NOTHING, NOW))
                .isInstanceOf(AcknowledgementNeeded.class);
        assertThat(c.take(HANDLER, Decisions.of(Decision.WARN), GoAhead.ACKNOWLEDGED, NOW)
                        .concern()
                        .status())
                .isEqualTo(Status.IN_REVIEW);
    }

    @Test
    void isTakenOnAConsultationWhichItKeepsThroughItsAnswer() {
        UUID consultation = UUID.randomUUID();
        GoAhead consulted = new GoAhead.Consulted(
                new ConsultationClearance.Cleared(consultation, List.of("Ask another manager to read the answer")));

        Concern taken = in(Status.RAISED)
                .take(HANDLER, Decisions.of(Decision.CONSULT), consulted, NOW)
                .concern();

        assertThat(taken.status()).isEqualTo(Status.IN_REVIEW);
        assertThat(taken.consultation()).isEqualTo(consultation);
        assertThat(taken.answer(ANSWER, NOW).concern().consultation()).isEqualTo(consultation);
        assertThat(taken.forRaiser(RAISER).consultation()).isNull();
    }

    @Test
    void isNotTakenOnAConsultationWhenTheCheckBlocks() {
        GoAhead consulted =
                new GoAhead.Consulted(new ConsultationClearance.Cleared(UUID.randomUUID(), List.of("Safeguard")));

        assertThatThrownBy(() -> in(Status.RAISED).take(HANDLER, Decisions.of(Decision.BLOCK), consulted, NOW))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(AcknowledgementNeeded.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"IN_REVIEW", "ANSWERED"})
    void isAnsweredWhileInReviewOrAnswered(Status status) {
        Concern.Moved moved = in(status).answer("  " + ANSWER + " ", NOW);

        assertThat(moved.step()).isEqualTo(Concern.Step.ANSWERED);
        assertThat(moved.concern().status()).isEqualTo(Status.ANSWERED);
        assertThat(moved.concern().answer()).isEqualTo(ANSWER);
        assertThat(moved.concern().handler()).isEqualTo(HANDLER);
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"RAISED", "CLOSED"})
    void isNotAnsweredBeforeItIsTakenOrOnceClosed(Status status) {
        assertThatThrownBy(() -> in(status).answer(ANSWER, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("concern.notInReview"));
    }

    @Test
    void refusesAnAnswerUnderTenCharacters() {
        assertThatThrownBy(() -> in(Status.IN_REVIEW).answer("ok", NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("answer must be at least 10 characters, was 2");
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
    void isClosedByWhoRaisedItFromAnyOpenState(Status status) {
        Concern.Moved moved = in(status).close(true, NOW);

        assertThat(moved.step()).isEqualTo(Concern.Step.CLOSED);
        assertThat(moved.concern().status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void isClosedByItsHandlerOnceAnswered() {
        assertThat(in(Status.ANSWERED).close(false, NOW).concern().status()).isEqualTo(Status.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"RAISED", "IN_REVIEW"})
    void isNotClosedByItsHandlerUnanswered(Status status) {
        assertThatThrownBy(() -> in(status).close(false, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("concern.notAnswered"));
    }

    @Test
    void isNotClosedTwice() {
        assertThatThrownBy(() -> in(Status.CLOSED).close(true, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This concern is already closed.");
    }

    @Test
    void changesNothingItself() {
        Concern c = in(Status.RAISED);

        c.take(HANDLER, Decisions.of(Decision.ALLOW), GoAhead.NOTHING, NOW);

        assertThat(c).isEqualTo(in(Status.RAISED));
    }

    private static Concern in(Status status) {
        boolean taken = status != Status.RAISED;
        boolean answered = status == Status.ANSWERED || status == Status.CLOSED;
        return new Concern(
                new ConcernId(new UUID(0, 1)),
                RAISER,
                false,
                WORKER,
                TEXT,
                status,
                taken ? HANDLER : null,
                null,
                answered ? ANSWER : null,
                RAISED_AT,
                RAISED_AT,
                3);
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
