package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.practice.SupervisionSession.Part;
import org.mutuality.practice.SupervisionSession.Status;
import org.mutuality.practice.SupervisionSession.Step;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;
import org.mutuality.shared.ForbiddenException;

/** Every step on a supervision session from every state, without Spring. */
class SupervisionSessionTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final PersonId SUPERVISOR = new PersonId(UUID.randomUUID());
    static final PersonId SUPERVISEE = new PersonId(UUID.randomUUID());
    static final PersonId OTHER = new PersonId(UUID.randomUUID());

    static SupervisionSession planned() {
        return planned(TODAY);
    }

    static SupervisionSession planned(LocalDate on) {
        return SupervisionSession.plan(
                SUPERVISOR, SUPERVISEE, on, 60, SupervisionForm.ONE_TO_ONE, List.of(), TODAY, NOW);
    }

    static SupervisionSession signedByBoth() {
        SupervisionSession s =
                planned().sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW).session();
        return s.sign(SUPERVISEE, Part.SUPERVISEE, TODAY, NOW).session();
    }

    static String key(Throwable e) {
        return ((Explained) e).explanation().key();
    }

    @Test
    void plansAnOpenSessionWithTheAgendaGiven() {
        AgendaItem item = new AgendaItem(AgendaItem.Source.CHECKLIST_TOPIC, "RESOURCES", "RESOURCES", null);

        SupervisionSession s = SupervisionSession.plan(
                SUPERVISOR, SUPERVISEE, TODAY, 45, SupervisionForm.PEER, List.of(item), TODAY, NOW);

        assertThat(s.status()).isEqualTo(Status.OPEN);
        assertThat(s.agenda()).containsExactly(item);
        assertThat(s.partOf(SUPERVISOR)).isEqualTo(Part.SUPERVISOR);
        assertThat(s.partOf(SUPERVISEE)).isEqualTo(Part.SUPERVISEE);
        assertThat(s.partOf(OTHER)).isNull();
    }

    @Test
    void refusesASessionWithOneselfOrOfAWrongLengthOrDay() {
        assertThatThrownBy(() -> SupervisionSession.plan(
                        SUPERVISOR, SUPERVISOR, TODAY, 60, SupervisionForm.ONE_TO_ONE, List.of(), TODAY, NOW))
                .isInstanceOf(BadInputException.class);
        for (int minutes : new int[] {9, 481}) {
            assertThatThrownBy(() -> SupervisionSession.plan(
                            SUPERVISOR, SUPERVISEE, TODAY, minutes, SupervisionForm.ONE_TO_ONE, List.of(), TODAY, NOW))
                    .isInstanceOf(BadInputException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.minutesRange"));
        }
        assertThatThrownBy(() -> planned(TODAY.plusYears(1).plusDays(1)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.heldOnRange"));
    }

    @Test
    void takesNotesByBothAndAPrivateNoteOnlyByTheSupervisee() {
        SupervisionSession s = planned()
                .note(SUPERVISOR, "Talked about the group.", false, NOW)
                .session();
        SupervisionSession.Moved moved = s.note(SUPERVISEE, "Just for me.", true, NOW);

        assertThat(moved.step()).isEqualTo(Step.PRIVATE_NOTE_ADDED);
        assertThat(moved.session().notes()).hasSize(2);
        assertThatThrownBy(() -> s.note(SUPERVISOR, "Mine, private.", true, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.privateNoteBySupervisee"));
    }

    @Test
    void hidesTheSuperviseesPrivateNoteFromTheSupervisor() {
        SupervisionSession s = planned()
                .note(SUPERVISEE, "Just for me.", true, NOW)
                .session()
                .note(SUPERVISEE, "For both of us.", false, NOW)
                .session();

        assertThat(s.forReader(SUPERVISOR).notes())
                .extracting(SupervisionSession.Note::text)
                .containsExactly("For both of us.");
        assertThat(s.forReader(SUPERVISEE).notes()).hasSize(2);
    }

    @Test
    void refusesAnyoneElseToWriteOrSign() {
        SupervisionSession s = planned();

        assertThatThrownBy(() -> s.note(OTHER, "Hello.", false, NOW)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.discuss(OTHER, Set.of())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.agree(OTHER, "Do it", TODAY)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> s.sign(OTHER, Part.SUPERVISOR, TODAY, NOW)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void marksTopicsReplacingTheMarksBefore() {
        SupervisionSession s = planned()
                .discuss(SUPERVISOR, EnumSet.of(ChecklistTopic.RESOURCES, ChecklistTopic.INCLUSION))
                .session();

        assertThat(s.discuss(SUPERVISEE, EnumSet.of(ChecklistTopic.SATISFACTION))
                        .session()
                        .topics())
                .containsExactly(ChecklistTopic.SATISFACTION);
    }

    @Test
    void agreesAnActionDueOnOrAfterTheSessionAndCompletesItOnce() {
        SupervisionSession s = planned()
                .agree(SUPERVISOR, "Call the network", TODAY.plusDays(7))
                .session();
        UUID action = s.actions().get(0).id();

        SupervisionSession done = s.complete(SUPERVISEE, action, TODAY).session();

        assertThat(s.openActions()).hasSize(1);
        assertThat(done.openActions()).isEmpty();
        assertThatThrownBy(() -> done.complete(SUPERVISEE, action, TODAY))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.actionDone"));
        assertThatThrownBy(() -> s.agree(SUPERVISOR, "Too early", TODAY.minusDays(1)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.actionDueBeforeSession"));
    }

    @Test
    void completesAnActionCarriedOnItsAgendaButNoOtherAction() {
        UUID carried = UUID.randomUUID();
        SupervisionSession s = SupervisionSession.plan(
                SUPERVISOR,
                SUPERVISEE,
                TODAY,
                60,
                SupervisionForm.ONE_TO_ONE,
                List.of(new AgendaItem(AgendaItem.Source.CARRIED_ACTION, carried.toString(), null, TODAY)),
                TODAY,
                NOW);

        assertThat(s.complete(SUPERVISOR, carried, TODAY).step()).isEqualTo(Step.CARRIED_ACTION_DONE);
        assertThatThrownBy(() -> s.complete(SUPERVISOR, UUID.randomUUID(), TODAY))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.noSuchAction"));
    }

    @Test
    void signsEachPartOnceAndClosesWhenBothSigned() {
        SupervisionSession one =
                planned().sign(SUPERVISEE, Part.SUPERVISEE, TODAY, NOW).session();

        assertThat(one.status()).isEqualTo(Status.SIGNED_BY_SUPERVISEE);
        assertThat(one.closed()).isFalse();
        assertThatThrownBy(() -> one.sign(SUPERVISEE, Part.SUPERVISEE, TODAY, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.alreadySigned"));
        assertThat(one.sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW).session().status())
                .isEqualTo(Status.CLOSED);
    }

    @Test
    void refusesTheSupervisorSigningTheSuperviseesPart() {
        assertThatThrownBy(() -> planned().sign(SUPERVISOR, Part.SUPERVISEE, TODAY, NOW))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.notYourPart"));
    }

    @Test
    void refusesSigningASessionStillToCome() {
        assertThatThrownBy(() -> planned(TODAY.plusDays(3)).sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.notHeldYet"));
    }

    @Test
    void refusesEveryEditOnceBothSigned() {
        SupervisionSession closed = signedByBoth();

        List<Runnable> edits = List.of(
                () -> closed.note(SUPERVISOR, "Late note.", false, NOW),
                () -> closed.note(SUPERVISEE, "Late private note.", true, NOW),
                () -> closed.discuss(SUPERVISEE, Set.of(ChecklistTopic.RESOURCES)),
                () -> closed.agree(SUPERVISOR, "Late action", TODAY),
                () -> closed.complete(SUPERVISOR, UUID.randomUUID(), TODAY));
        for (Runnable edit : edits) {
            assertThatThrownBy(edit::run)
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.closed"));
        }
        assertThatThrownBy(() -> closed.sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW))
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.alreadySigned"));
    }

    @Test
    void changesNothingItselfWhenAStepIsTaken() {
        SupervisionSession s = planned();

        s.note(SUPERVISOR, "A note.", false, NOW);
        s.sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW);

        assertThat(s.notes()).isEmpty();
        assertThat(s.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void refusesTheSuperviseeToWriteOrSignOnceTheSupervisionHasEnded() {
        assertThatThrownBy(() -> planned().requireOngoing(SUPERVISEE, false))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.supervisionEndedForSupervisee"))
                .satisfies(e -> assertThat(((ForbiddenException) e).subject()).isEqualTo(SUPERVISEE.value()));
    }

    @Test
    void refusesTheFormerSupervisorToWriteOrSign() {
        assertThatThrownBy(() -> planned().requireOngoing(SUPERVISOR, false))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.supervisionEnded"));
        assertThatThrownBy(() -> planned().requireOngoing(OTHER, true))
                .satisfies(e -> assertThat(key(e)).isEqualTo("supervision.notAParty"));
    }

    @Test
    void letsBothWriteWhileTheSupervisionGoesOn() {
        SupervisionSession s = planned();

        assertThat(s.requireOngoing(SUPERVISOR, true)).isSameAs(s);
        assertThat(s.requireOngoing(SUPERVISEE, true)).isSameAs(s);
        assertThat(s.readOnly(true)).isNull();
    }

    @Test
    void saysWhyASessionIsReadOnly() {
        assertThat(planned().readOnly(false)).isEqualTo(SupervisionSession.ReadOnly.SUPERVISION_ENDED);
        assertThat(signedByBoth().readOnly(true)).isEqualTo(SupervisionSession.ReadOnly.CLOSED);
        assertThat(signedByBoth().readOnly(false)).isEqualTo(SupervisionSession.ReadOnly.CLOSED);
    }

    @Test
    void namesTheSignatureAChangeByTheOtherTookBack() {
        SupervisionSession signed =
                planned().sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW).session();

        SupervisionSession.Moved noted = signed.note(SUPERVISEE, "We spoke of the group.", false, NOW);
        SupervisionSession.Moved privately = signed.note(SUPERVISEE, "Only mine.", true, NOW);
        SupervisionSession.Moved topics = signed.discuss(SUPERVISEE, Set.of(ChecklistTopic.RESOURCES));
        SupervisionSession.Moved nothingSigned = planned().note(SUPERVISEE, "Early.", false, NOW);

        assertThat(noted.signaturesWithdrawnFrom(signed)).containsExactly(Part.SUPERVISOR);
        assertThat(topics.signaturesWithdrawnFrom(signed)).containsExactly(Part.SUPERVISOR);
        assertThat(privately.signaturesWithdrawnFrom(signed)).isEmpty();
        assertThat(nothingSigned.signaturesWithdrawnFrom(planned())).isEmpty();
    }

    @Test
    void takesBackNoSignatureWhenTheOtherSigns() {
        SupervisionSession signed =
                planned().sign(SUPERVISOR, Part.SUPERVISOR, TODAY, NOW).session();

        assertThat(signed.sign(SUPERVISEE, Part.SUPERVISEE, TODAY, NOW).signaturesWithdrawnFrom(signed))
                .isEmpty();
    }
}
