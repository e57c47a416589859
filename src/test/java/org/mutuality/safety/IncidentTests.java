package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.safety.Incident.Outcome;
import org.mutuality.safety.Incident.Status;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;

/** Every step on an incident from every state, without Spring. */
class IncidentTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final PersonId PEER = person();
    static final PersonId PARTICIPANT = person();
    static final PersonId HANDLER = person();
    static final String WHAT = "Ivo hugged me and asked for my phone number.";

    @Test
    void recordsAnIncidentWithTheRecorderAmongThoseInvolved() {
        Incident i = Incident.record(PEER, null, " " + WHAT + " ", "  ", List.of(PARTICIPANT), TODAY, NOW);

        assertThat(i.status()).isEqualTo(Status.OPEN);
        assertThat(i.occurredOn()).isEqualTo(TODAY);
        assertThat(i.whatHappened()).isEqualTo(WHAT);
        assertThat(i.agreedNext()).isNull();
        assertThat(i.involved()).containsExactlyInAnyOrder(PEER, PARTICIPANT);
        assertThat(i.recordedBy()).isEqualTo(PEER);
    }

    @Test
    void refusesAnIncidentInTheFuture() {
        assertThatThrownBy(() -> Incident.record(PEER, TODAY.plusDays(1), WHAT, null, List.of(PARTICIPANT), TODAY, NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("occurredOn must not be in the future, was 2026-11-03");
    }

    @Test
    void refusesAnIncidentWithNobodyElseOrMoreThanNineteenOthers() {
        List<PersonId> many = IntStream.range(0, 20).mapToObj(n -> person()).toList();

        for (List<PersonId> others : List.of(List.<PersonId>of(), List.of(PEER), many)) {
            assertThatThrownBy(() -> Incident.record(PEER, null, WHAT, null, others, TODAY, NOW))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("Name 1 to 19 other people involved.");
        }
    }

    @Test
    void refusesTextsOutOfBounds() {
        assertThatThrownBy(() -> Incident.record(PEER, null, "short", null, List.of(PARTICIPANT), TODAY, NOW))
                .hasMessage("whatHappened must be at least 10 characters, was 5");
        assertThatThrownBy(() -> Incident.record(PEER, null, WHAT, "x".repeat(2001), List.of(PARTICIPANT), TODAY, NOW))
                .hasMessage("agreedNext must be at most 2,000 characters, was 2,001");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void takesAnAccountInAnyState(Status status) {
        Incident.Account account = in(status).account(PARTICIPANT, "I did not think it was a problem.", NOW);

        assertThat(account.author()).isEqualTo(PARTICIPANT);
        assertThat(account.text()).isEqualTo("I did not think it was a problem.");
        assertThatThrownBy(() -> in(status).account(PARTICIPANT, "short", NOW)).isInstanceOf(BadInputException.class);
    }

    @Test
    void isTakenWhenOpen() {
        Incident.Moved moved = in(Status.OPEN).take(HANDLER, Decisions.of(Decision.ALLOW), GoAhead.NOTHING);

        assertThat(moved.step()).isEqualTo(Incident.Step.TAKEN);
        assertThat(moved.step().noted()).isEqualTo("incident taken");
        assertThat(moved.incident().status()).isEqualTo(Status.IN_HAND);
        assertThat(moved.incident().handler()).isEqualTo(HANDLER);
        assertThat(moved.incident().version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "OPEN", mode = EnumSource.Mode.EXCLUDE)
    void isNotTakenTwice(Status status) {
        assertThatThrownBy(() -> in(status).take(HANDLER, Decisions.of(Decision.ALLOW), GoAhead.ACKNOWLEDGED))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("incident.notOpen"));
    }

    @Test
    void isNotTakenByAHandlerWithAConflictWithAnyoneInvolved() {
        ConflictDecision strictest =
                ConflictDecision.strictest(List.of(Decisions.of(Decision.ALLOW), Decisions.of(Decision.BLOCK)));

        assertThatThrownBy(() -> in(Status.OPEN).take(HANDLER, strictest, GoAhead.ACKNOWLEDGED))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Someone else should take this:");
        assertThatThrownBy(() -> in(Status.OPEN).take(HANDLER, Decisions.of(Decision.CONSULT), GoAhead.NOTHING))
                .isInstanceOf(AcknowledgementNeeded.class);
    }

    @Test
    void isTakenOnAConsultationWhichItNames() {
        UUID consultation = UUID.randomUUID();
        GoAhead consulted = new GoAhead.Consulted(
                new ConsultationClearance.Cleared(consultation, List.of("Talk it over in supervision")));

        Incident.Moved moved = in(Status.OPEN).take(HANDLER, Decisions.of(Decision.CONSULT), consulted);

        assertThat(moved.incident().status()).isEqualTo(Status.IN_HAND);
        assertThat(moved.incident().consultation()).isEqualTo(consultation);
        assertThat(moved.incident()
                        .resolve(Outcome.PLAN_UPDATED, null)
                        .incident()
                        .consultation())
                .isEqualTo(consultation);
    }

    @Test
    void namesNoConsultationWhenTakenOnAnAcknowledgement() {
        assertThat(in(Status.OPEN)
                        .take(HANDLER, Decisions.of(Decision.WARN), GoAhead.ACKNOWLEDGED)
                        .incident()
                        .consultation())
                .isNull();
    }

    @Test
    void isNotTakenOnAConsultationWhenTheCheckBlocks() {
        GoAhead consulted =
                new GoAhead.Consulted(new ConsultationClearance.Cleared(UUID.randomUUID(), List.of("Safeguard")));

        assertThatThrownBy(() -> in(Status.OPEN).take(HANDLER, Decisions.of(Decision.BLOCK), consulted))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(AcknowledgementNeeded.class);
    }

    @Test
    void isResolvedWhileInHand() {
        Incident.Moved moved = in(Status.IN_HAND).resolve(Outcome.BOUNDARY_RESTATED, " Contact stays on the line. ");

        assertThat(moved.step()).isEqualTo(Incident.Step.RESOLVED);
        assertThat(moved.incident().status()).isEqualTo(Status.RESOLVED);
        assertThat(moved.incident().outcome()).isEqualTo(Outcome.BOUNDARY_RESTATED);
        assertThat(moved.incident().outcomeNote()).isEqualTo("Contact stays on the line.");
        assertThat(moved.incident().handler()).isEqualTo(HANDLER);
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "IN_HAND", mode = EnumSource.Mode.EXCLUDE)
    void isNotResolvedUnlessInHand(Status status) {
        assertThatThrownBy(() -> in(status).resolve(Outcome.NO_FURTHER_ACTION, null))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((Explained) e).explanation().key()).isEqualTo("incident.notInHand"));
    }

    @Test
    void refusesANoteOverTwoThousandCharacters() {
        assertThatThrownBy(() -> in(Status.IN_HAND).resolve(Outcome.PLAN_UPDATED, "x".repeat(2001)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void namesAnOutcomeFromAFormOrRefusesIt() {
        assertThat(Outcome.named("PLAN_UPDATED")).isEqualTo(Outcome.PLAN_UPDATED);
        assertThatThrownBy(() -> Outcome.named("SUSPENDED"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Choose how the incident ended.");
    }

    private static Incident in(Status status) {
        return new Incident(
                new IncidentId(new UUID(0, 1)),
                PEER,
                TODAY,
                WHAT,
                null,
                Set.of(PEER, PARTICIPANT),
                status,
                status == Status.OPEN ? null : HANDLER,
                null,
                status == Status.RESOLVED ? Outcome.BOUNDARY_RESTATED : null,
                null,
                List.of(),
                NOW,
                2);
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
