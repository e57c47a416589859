package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** A referral's steps, from every state, without Spring. */
class ReferralTests {

    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    static final PersonId PERSON = person();
    static final PersonId COORDINATOR = person();
    static final PersonId PEER = person();
    static final PersonId OTHER_PEER = person();
    static final ConflictDecision ALLOW = new ConflictDecision(Decision.ALLOW, List.of(), List.of());

    @Test
    void aNewReferralIsReceivedWithItsFirstStep() {
        Referral r = received();
        assertThat(r.status()).isEqualTo(ReferralStatus.RECEIVED);
        assertThat(r.steps()).extracting(Referral.Step::step).containsExactly(Referral.StepKind.RECEIVED);
        assertThat(r.reason()).isEqualTo("Would like to talk with someone who has been there.");
    }

    @Test
    void aReasonIsPlainWordsOfFiveToTwoThousandCharacters() {
        assertThatThrownBy(() -> Referral.receive(PERSON, program(), COORDINATOR, " hi ", none(), AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 5");
        assertThatThrownBy(() -> Referral.receive(PERSON, program(), COORDINATOR, "x".repeat(2001), none(), AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void offeringMovesAReceivedReferralToOffered() {
        Referral r = received();
        Referral.Moved moved = r.offer(COORDINATOR, "Gave the sheet", AT);
        assertThat(moved.referral().status()).isEqualTo(ReferralStatus.OFFERED);
        assertThat(moved.referral().version()).isEqualTo(r.version() + 1);
        assertThat(moved.steps()).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(Referral.StepKind.OFFERED);
            assertThat(s.note()).isEqualTo("Gave the sheet");
        });
        assertThat(r.status()).as("the record itself does not change").isEqualTo(ReferralStatus.RECEIVED);
    }

    @Test
    void choosingOnAReceivedReferralRecordsTheOfferFirst() {
        Referral.Moved moved = received().choose(COORDINATOR, PEER, ALLOW, false, AT);
        assertThat(moved.steps())
                .extracting(Referral.Step::step)
                .containsExactly(Referral.StepKind.OFFERED, Referral.StepKind.CHOSEN);
        assertThat(moved.steps().get(0).at()).isBefore(moved.steps().get(1).at());
        assertThat(moved.referral().chosenPeer()).isEqualTo(PEER);
        assertThat(moved.referral().awaitsAnswerFrom(PEER)).isTrue();
    }

    @Test
    void aWarnedChoiceNeedsAnAcknowledgementAndIsNotedAsSuch() {
        ConflictDecision warn = new ConflictDecision(Decision.WARN, List.of(), List.of());
        Referral r = received();
        assertThatThrownBy(() -> r.choose(COORDINATOR, PEER, warn, false, AT))
                .isInstanceOf(AcknowledgementNeeded.class);
        Referral.Moved moved = r.choose(COORDINATOR, PEER, warn, true, AT);
        assertThat(moved.last().note()).isEqualTo("conflict check: WARN");
    }

    @Test
    void aBlockedChoiceIsRefusedEvenAcknowledged() {
        ConflictDecision block = new ConflictDecision(Decision.BLOCK, List.of(), List.of());
        assertThatThrownBy(() -> received().choose(COORDINATOR, PEER, block, true, AT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Someone else should take this");
    }

    @Test
    void nobodyIsTheirOwnPeerWorker() {
        assertThatThrownBy(() -> received().choose(COORDINATOR, PERSON, ALLOW, false, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void onlyTheChosenPeerWorkerAnswers() {
        Referral offered = chosen();
        assertThatThrownBy(() -> offered.accept(OTHER_PEER, RelationshipId.random(), null, AT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> offered.peerDeclined(OTHER_PEER, null, AT)).isInstanceOf(ConflictException.class);
    }

    @Test
    void acceptingAssignsThePeerWorkerAndKeepsTheAssignment() {
        RelationshipId assignment = RelationshipId.random();
        Referral accepted = chosen().accept(PEER, assignment, "  Glad to  ", AT).referral();
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(accepted.assignedPeer()).isEqualTo(PEER);
        assertThat(accepted.chosenPeer()).isNull();
        assertThat(accepted.relationshipId()).isEqualTo(assignment);
        assertThat(accepted.steps().get(accepted.steps().size() - 1).note()).isEqualTo("Glad to");
    }

    @Test
    void aPeerWhoDeclinesLeavesTheReferralOpenForAnotherChoice() {
        Referral again = chosen().peerDeclined(PEER, null, AT).referral();
        assertThat(again.status()).isEqualTo(ReferralStatus.OFFERED);
        assertThat(again.chosenPeer()).isNull();
        assertThat(again.declinedBy()).containsExactly(PEER);
        assertThat(again.choose(COORDINATOR, OTHER_PEER, ALLOW, false, AT)
                        .referral()
                        .chosenPeer())
                .isEqualTo(OTHER_PEER);
    }

    @Test
    void closingNeedsANoteAndKeepsTheAssignmentOnRecord() {
        Referral accepted =
                chosen().accept(PEER, RelationshipId.random(), null, AT).referral();
        assertThatThrownBy(() -> accepted.close(PEER, "  ", AT)).isInstanceOf(BadInputException.class);
        Referral closed = accepted.close(PEER, "Support ended", AT).referral();
        assertThat(closed.status()).isEqualTo(ReferralStatus.CLOSED);
        assertThat(closed.assignedPeer()).isEqualTo(PEER);
    }

    @Test
    void thePersonsChoiceTheCheckAllowsAsksThePeerWorkerAtOnce() {
        Referral.Moved moved = received().personChose(PEER, ALLOW, AT);
        assertThat(moved.steps())
                .extracting(Referral.Step::step)
                .containsExactly(Referral.StepKind.OFFERED, Referral.StepKind.CHOSEN);
        assertThat(moved.last().by()).isEqualTo(PERSON);
        assertThat(moved.referral().awaitsAnswerFrom(PEER)).isTrue();
    }

    @Test
    void thePersonsChoiceTheCheckWarnsAboutWaitsForACoordinatorAndReadsTheSameToThePerson() {
        ConflictDecision warn = new ConflictDecision(Decision.CONSULT, List.of(), List.of());
        Referral preferred = received().personChose(PEER, warn, AT).referral();
        assertThat(preferred.chosenPeer()).as("nobody is asked yet").isNull();
        assertThat(preferred.awaitsAnswerFrom(PEER)).isFalse();
        assertThat(preferred.preferredPeer()).isEqualTo(PEER);
        assertThat(preferred.steps()).extracting(Referral.Step::step).contains(Referral.StepKind.PREFERRED);

        Referral seen = preferred.asThePersonSeesIt();
        Referral allowed = received().personChose(PEER, ALLOW, AT).referral().asThePersonSeesIt();
        assertThat(seen.chosenPeer()).isEqualTo(allowed.chosenPeer());
        assertThat(seen.steps())
                .extracting(Referral.Step::step, Referral.Step::note, Referral.Step::consultation)
                .isEqualTo(allowed.steps().stream()
                        .map(st -> org.assertj.core.groups.Tuple.tuple(st.step(), st.note(), st.consultation()))
                        .toList());
    }

    @Test
    void aCoordinatorsCautionNeverReachesThePerson() {
        ConflictDecision warn = new ConflictDecision(Decision.WARN, List.of(), List.of());
        Referral chosen = received().choose(COORDINATOR, PEER, warn, true, AT).referral();
        assertThat(chosen.asThePersonSeesIt().steps())
                .allSatisfy(st -> assertThat(st.note()).isNull());
    }

    @Test
    void thePersonCannotChooseAPeerTheCheckBlocksNorThemselves() {
        ConflictDecision block = new ConflictDecision(Decision.BLOCK, List.of(), List.of());
        assertThatThrownBy(() -> received().personChose(PEER, block, AT))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This peer worker is not taking new participants right now.");
        assertThatThrownBy(() -> received().personChose(PERSON, ALLOW, AT)).isInstanceOf(BadInputException.class);
    }

    @Test
    void askingToTalkFirstChangesNoChoice() {
        Referral r = received().askedToTalkFirst(PEER, ALLOW, AT).referral();
        assertThat(r.status()).isEqualTo(ReferralStatus.OFFERED);
        assertThat(r.chosenPeer()).isNull();
        assertThat(r.steps().get(r.steps().size() - 1).step()).isEqualTo(Referral.StepKind.TALK_FIRST);
    }

    @Test
    void askingForAnotherPeerReopensTheChoiceAndKeepsTheSupportUntilAnotherAccepts() {
        RelationshipId first = RelationshipId.random();
        Referral accepted = chosen().accept(PEER, first, null, AT).referral();
        Referral reopened = accepted.changeAsked(AT).referral();
        assertThat(reopened.status()).isEqualTo(ReferralStatus.OFFERED);
        assertThat(reopened.assignedPeer()).isEqualTo(PEER);
        assertThat(reopened.relationshipId()).isEqualTo(first);
        assertThat(reopened.changedFrom()).containsExactly(PEER);

        Referral another =
                reopened.choose(COORDINATOR, OTHER_PEER, ALLOW, false, AT).referral();
        assertThat(another.relationshipId())
                .as("still the first support, until the other accepts")
                .isEqualTo(first);
        Referral declinedByOther = another.peerDeclined(OTHER_PEER, null, AT).referral();
        assertThat(declinedByOther.relationshipId()).isEqualTo(first);
        RelationshipId second = RelationshipId.random();
        Referral moved = another.accept(OTHER_PEER, second, null, AT).referral();
        assertThat(moved.assignedPeer()).isEqualTo(OTHER_PEER);
        assertThat(moved.relationshipId()).isEqualTo(second);
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void eachStepIsPossibleOnlyFromItsStates(ReferralStatus status) {
        Referral r = in(status);
        boolean open = status == ReferralStatus.RECEIVED || status == ReferralStatus.OFFERED;
        assertPossible(() -> r.offer(COORDINATOR, null, AT), status == ReferralStatus.RECEIVED);
        assertPossible(() -> r.choose(COORDINATOR, PEER, ALLOW, false, AT), open);
        assertPossible(() -> r.personDeclined(PERSON, null, AT), open);
        assertPossible(() -> r.close(COORDINATOR, "why", AT), status != ReferralStatus.CLOSED);
        assertPossible(() -> r.accept(PEER, RelationshipId.random(), null, AT), false);
        assertPossible(() -> r.peerDeclined(PEER, null, AT), false);
        assertPossible(() -> r.personChose(PEER, ALLOW, AT), open);
        assertPossible(() -> r.askedToTalkFirst(PEER, ALLOW, AT), open);
        assertPossible(() -> r.changeAsked(AT), status == ReferralStatus.ACCEPTED);
    }

    @Test
    void aRefusedStepNamesTheCurrentState() {
        Referral closed = in(ReferralStatus.CLOSED);
        assertThatThrownBy(() -> closed.offer(COORDINATOR, null, AT))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This referral is “Closed”; that step is not possible now.");
    }

    private static void assertPossible(Runnable step, boolean possible) {
        if (possible) {
            step.run();
        } else {
            assertThatThrownBy(step::run).isInstanceOf(ConflictException.class);
        }
    }

    private static Referral received() {
        return Referral.receive(
                PERSON, program(), COORDINATOR, "  Would like to talk with someone who has been there. ", none(), AT);
    }

    private static Referral chosen() {
        return received().choose(COORDINATOR, PEER, ALLOW, false, AT).referral();
    }

    private static Referral in(ReferralStatus status) {
        Referral r = received();
        return new Referral(
                r.id(),
                r.person(),
                r.program(),
                r.referredBy(),
                r.reason(),
                r.preferences(),
                status,
                null,
                null,
                null,
                r.receivedAt(),
                r.updatedAt(),
                r.version(),
                r.steps());
    }

    private static Preferences none() {
        return new Preferences(Set.of(), null, Set.of(), Set.of());
    }

    private static ProgramId program() {
        return new ProgramId(UUID.nameUUIDFromBytes("peer support".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static PersonId person() {
        return new PersonId(UUID.randomUUID());
    }
}
