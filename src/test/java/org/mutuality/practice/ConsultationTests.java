package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.Consultation.Outcome;
import org.mutuality.practice.Consultation.Status;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.shared.ForbiddenException;

/** Every step of a consultation from every state it may be refused in, without Spring. */
class ConsultationTests {

    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final PersonId COORDINATOR = person();
    static final PersonId PEER = person();
    static final PersonId PARTICIPANT = person();
    static final PersonId CONSULTANT = person();
    static final String SITUATION = "Marc and Louise have been friends for years; she chose him.";
    static final Consultation.Reflection REFLECTION =
            new Consultation.Reflection("What your answers suggest\n\nTalk it through first.", Locale.ENGLISH, NOW);
    static final ConsultationClearance.Used REFERRAL =
            new ConsultationClearance.Used(ConsultationClearance.Used.Kind.REFERRAL, UUID.randomUUID());

    @Test
    void opensWaitingForAConsultant() {
        Consultation c = asked();

        assertThat(c.status()).isEqualTo(Status.WAITING_FOR_CONSULTANT);
        assertThat(c.situation()).isEqualTo(SITUATION);
        assertThat(c.consultant()).isNull();
        assertThat(c.open()).isTrue();
    }

    @Test
    void refusesASituationTooShortToConsultOn() {
        assertThatThrownBy(() -> Consultation.ask(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, "  hi ", NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("text.tooShort"));
    }

    @Test
    void refusesAnActionOfAPersonOverThemselves() {
        assertThatThrownBy(() -> Consultation.ask(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PEER, SITUATION, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.twoPeople"));
    }

    @Test
    void asksTheChosenColleague() {
        Consultation c = chosen();

        assertThat(c.status()).isEqualTo(Status.ASKED);
        assertThat(c.consultant()).isEqualTo(CONSULTANT);
    }

    @Test
    void letsTheAskerChooseAnotherColleagueBeforeTheAnswer() {
        PersonId other = person();

        assertThat(chosen().choose(COORDINATOR, other).consultant()).isEqualTo(other);
    }

    @Test
    void refusesAColleagueWhoIsOneOfThePeopleInvolved() {
        for (PersonId involved : List.of(COORDINATOR, PEER, PARTICIPANT)) {
            assertThatThrownBy(() -> asked().choose(COORDINATOR, involved))
                    .isInstanceOf(BadInputException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.consultantInvolved"));
        }
    }

    @Test
    void refusesAChoiceBySomeoneOtherThanTheAsker() {
        assertThatThrownBy(() -> asked().choose(PEER, CONSULTANT))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.onlyAsker"));
    }

    @Test
    void refusesAChoiceOnceAnswered() {
        assertThatThrownBy(() -> goAhead().choose(COORDINATOR, person()))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notNow"))
                .hasMessageContaining("“answered”");
    }

    @Test
    void recordsTheAnswerWithItsSafeguards() {
        Consultation c = goAhead();

        assertThat(c.status()).isEqualTo(Status.ANSWERED);
        assertThat(c.outcome()).isEqualTo(Outcome.GO_AHEAD_WITH_SAFEGUARDS);
        assertThat(c.safeguards())
                .containsExactly("Write a boundary agreement together", "Talk it over in supervision");
        assertThat(c.answeredAt()).isEqualTo(NOW);
        assertThat(c.open()).isTrue();
    }

    @Test
    void refusesAnsweringTwice() {
        assertThatThrownBy(() -> goAhead().answer(CONSULTANT, Outcome.HAND_OVER, "On second thought.", null, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notNow"))
                .hasMessageContaining("“answered”");
    }

    @Test
    void refusesAnAnswerBeforeAColleagueIsChosen() {
        assertThatThrownBy(() -> asked().answer(CONSULTANT, Outcome.HAND_OVER, "Hand it over.", null, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("“waiting for a colleague to be chosen”");
    }

    @Test
    void refusesTheAskerAnsweringTheirOwnConsultation() {
        assertThatThrownBy(() ->
                        chosen().answer(COORDINATOR, Outcome.GO_AHEAD_WITH_SAFEGUARDS, "Fine.", List.of("x"), NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.askerDoesNotAnswer"));
    }

    @Test
    void refusesAnAnswerBySomeoneNotAsked() {
        assertThatThrownBy(() -> chosen().answer(person(), Outcome.DO_NOT_GO_AHEAD, "No.", null, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notAskedOfYou"));
    }

    @Test
    void refusesAGoAheadWithoutSafeguards() {
        assertThatThrownBy(
                        () -> chosen().answer(CONSULTANT, Outcome.GO_AHEAD_WITH_SAFEGUARDS, "Yes.", List.of(" "), NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("text.required"));
        assertThatThrownBy(() -> chosen().answer(CONSULTANT, Outcome.GO_AHEAD_WITH_SAFEGUARDS, "Yes.", null, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.safeguardsNeeded"));
    }

    @Test
    void refusesSafeguardsWithAnotherOutcome() {
        assertThatThrownBy(() -> chosen().answer(CONSULTANT, Outcome.HAND_OVER, "Hand over.", List.of("x"), NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.safeguardsOnlyToGoAhead"));
    }

    @Test
    void refusesMoreThanTenSafeguards() {
        List<String> many =
                IntStream.range(0, 11).mapToObj(n -> "safeguard " + n).toList();

        assertThatThrownBy(() -> chosen().answer(CONSULTANT, Outcome.GO_AHEAD_WITH_SAFEGUARDS, "Yes.", many, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.tooManySafeguards"));
    }

    @Test
    void refusesAnAnswerWithoutANote() {
        assertThatThrownBy(() -> chosen().answer(CONSULTANT, Outcome.DO_NOT_GO_AHEAD, "", null, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("text.required"));
    }

    @Test
    void goesAheadOnceForExactlyWhatItIsAbout() {
        Consultation used = goAhead().use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW);

        assertThat(used.status()).isEqualTo(Status.USED);
        assertThat(used.usedFor()).isEqualTo(REFERRAL);
        assertThat(used.open()).isFalse();
        assertThatThrownBy(() -> used.use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notNow"))
                .hasMessageContaining("“went ahead”");
    }

    @Test
    void refusesToGoAheadForAnotherSubjectActorOrAction() {
        Consultation c = goAhead();

        for (Runnable other : List.<Runnable>of(
                () -> c.use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, person(), REFERRAL, NOW),
                () -> c.use(COORDINATOR, Action.ASSIGN_SUPPORT, person(), PARTICIPANT, REFERRAL, NOW),
                () -> c.use(COORDINATOR, Action.LEAD_GROUP_WITH, PEER, PARTICIPANT, REFERRAL, NOW))) {
            assertThatThrownBy(other::run)
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.aboutSomethingElse"));
        }
    }

    @Test
    void refusesToGoAheadOnAnyOtherAdvice() {
        for (Outcome outcome : List.of(Outcome.HAND_OVER, Outcome.DO_NOT_GO_AHEAD)) {
            Consultation c = chosen().answer(CONSULTANT, outcome, "Better not.", null, NOW);

            assertThatThrownBy(() -> c.use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.doesNotClear"));
        }
    }

    @Test
    void refusesToGoAheadBeforeTheAnswer() {
        assertThatThrownBy(() -> chosen().use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("“waiting for an answer”");
    }

    @Test
    void refusesToGoAheadForSomeoneOtherThanTheAsker() {
        assertThatThrownBy(() -> goAhead().use(CONSULTANT, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.onlyAsker"));
    }

    @Test
    void isWithdrawnOnlyBeforeTheAnswer() {
        assertThat(chosen().withdraw(COORDINATOR).status()).isEqualTo(Status.WITHDRAWN);
        assertThatThrownBy(() -> goAhead().withdraw(COORDINATOR))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("“answered”");
    }

    @Test
    void takesTheAskersReflectionWhileItIsOpen() {
        for (Consultation open : List.of(asked(), chosen(), goAhead())) {
            Consultation reflected = open.reflect(COORDINATOR, REFLECTION);

            assertThat(reflected.reflection()).isEqualTo(REFLECTION);
            assertThat(reflected.status()).isEqualTo(open.status());
            assertThat(reflected.version()).isEqualTo(open.version());
        }
    }

    @Test
    void replacesTheReflectionAndTakesItOff() {
        Consultation.Reflection again =
                new Consultation.Reflection("What your answers suggest\n\nStep back.", Locale.FRENCH, NOW);
        Consultation reflected = chosen().reflect(COORDINATOR, REFLECTION);

        assertThat(reflected.reflect(COORDINATOR, again).reflection()).isEqualTo(again);
        assertThat(reflected.unreflect(COORDINATOR).reflection()).isNull();
    }

    @Test
    void keepsTheReflectionThroughTheAnswerAndTheUse() {
        Consultation used = chosen().reflect(COORDINATOR, REFLECTION)
                .answer(CONSULTANT, Outcome.GO_AHEAD_WITH_SAFEGUARDS, "Yes.", List.of("Agree on limits"), NOW)
                .use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW);

        assertThat(used.reflection()).isEqualTo(REFLECTION);
    }

    @Test
    void refusesAReflectionFromAnyoneButTheAsker() {
        for (PersonId other : List.of(CONSULTANT, PEER, PARTICIPANT, person())) {
            assertThatThrownBy(() -> chosen().reflect(other, REFLECTION))
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.onlyAsker"));
            assertThatThrownBy(() -> chosen().reflect(COORDINATOR, REFLECTION).unreflect(other))
                    .isInstanceOf(ForbiddenException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.onlyAsker"));
        }
    }

    @Test
    void refusesToChangeTheReflectionOnceClosed() {
        Consultation withdrawn = chosen().reflect(COORDINATOR, REFLECTION).withdraw(COORDINATOR);
        Consultation used = goAhead()
                .reflect(COORDINATOR, REFLECTION)
                .use(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, REFERRAL, NOW);
        Consultation advisedAgainst = chosen().reflect(COORDINATOR, REFLECTION)
                .answer(CONSULTANT, Outcome.DO_NOT_GO_AHEAD, "Better not.", null, NOW);

        for (Consultation closed : List.of(withdrawn, used, advisedAgainst)) {
            assertThatThrownBy(() -> closed.reflect(COORDINATOR, REFLECTION))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notNow"));
            assertThatThrownBy(() -> closed.unreflect(COORDINATOR))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.notNow"));
            assertThat(closed.reflection()).isEqualTo(REFLECTION);
        }
    }

    @Test
    void refusesToTakeOffAReflectionThatIsNotThere() {
        assertThatThrownBy(() -> chosen().unreflect(COORDINATOR))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("consultation.noReflection"));
    }

    @Test
    void refusesABlankOrOverlongReflection() {
        assertThatThrownBy(() -> new Consultation.Reflection("  ", Locale.ENGLISH, NOW))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("text.required"));
        assertThatThrownBy(() -> new Consultation.Reflection("x".repeat(4001), Locale.ENGLISH, NOW))
                .isInstanceOf(BadInputException.class);
    }

    static Consultation asked() {
        return Consultation.ask(COORDINATOR, Action.ASSIGN_SUPPORT, PEER, PARTICIPANT, "  " + SITUATION + " ", NOW);
    }

    static Consultation chosen() {
        return asked().choose(COORDINATOR, CONSULTANT);
    }

    static Consultation goAhead() {
        return chosen().answer(
                        CONSULTANT,
                        Outcome.GO_AHEAD_WITH_SAFEGUARDS,
                        "It can work if you agree on limits.",
                        List.of(" Write a boundary agreement together ", "Talk it over in supervision"),
                        NOW);
    }

    static String key(Throwable e) {
        return ((Explained) e).explanation().key();
    }

    static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
