package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.ConsultationClearance;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** Who may join a group, who may lead it and who may be marked present, without Spring. */
class SupportGroupTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final PersonId LEADER = PersonId.random();
    static final PersonId ANA = PersonId.random();
    static final PersonId BEN = PersonId.random();
    static final PersonId NEW_LEADER = PersonId.random();

    final List<PersonId[]> asked = new ArrayList<>();

    @Test
    void aPersonJoinsWithWhatTheCheckSaidAboutTheLeaderAndThem() {
        SupportGroup.Joined joined = group().join(ANA, List.of(), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY);

        assertThat(joined.member().person()).isEqualTo(ANA);
        assertThat(joined.member().joinedOn()).isEqualTo(TODAY);
        assertThat(joined.member().decision()).isEqualTo(Decision.ALLOW);
        assertThat(asked).singleElement().satisfies(pair -> assertThat(pair).containsExactly(LEADER, ANA));
    }

    @Test
    void aWarningNeedsAnAcknowledgementAndIsKeptWithTheMember() {
        SupportGroup group = group();

        assertThatThrownBy(() -> group.join(ANA, List.of(), answering(Decision.WARN), GoAhead.NOTHING, TODAY))
                .isInstanceOf(AcknowledgementNeeded.class);
        assertThat(group.join(ANA, List.of(), answering(Decision.WARN), GoAhead.ACKNOWLEDGED, TODAY)
                        .member()
                        .decision())
                .isEqualTo(Decision.WARN);
    }

    @Test
    void aBlockedPairingIsRefusedEvenAcknowledged() {
        assertThatThrownBy(() -> group().join(ANA, List.of(), answering(Decision.BLOCK), GoAhead.ACKNOWLEDGED, TODAY))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(AcknowledgementNeeded.class);
    }

    @Test
    void someoneWhoBelongsIsNotAddedTwiceAndNoCheckIsAsked() {
        assertThatThrownBy(() ->
                        group().join(ANA, List.of(member(ANA)), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY))
                .isInstanceOf(ConflictException.class)
                .hasMessage("This person already belongs to the group.");
        assertThat(asked).isEmpty();
    }

    @Test
    void someoneWhoLeftMayJoinAgain() {
        SupportGroup.Member left =
                new SupportGroup.Member(ANA, TODAY.minusMonths(2), TODAY.minusDays(3), Decision.ALLOW);

        assertThat(group().join(ANA, List.of(left), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY)
                        .member()
                        .leftOn())
                .isNull();
    }

    @Test
    void theLeaderIsNotAddedAsAMember() {
        assertThatThrownBy(() -> group().join(LEADER, List.of(), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void aNewLeaderIsCheckedAgainstEveryCurrentMember() {
        SupportGroup.Member former =
                new SupportGroup.Member(BEN, TODAY.minusYears(1), TODAY.minusMonths(1), Decision.ALLOW);
        SupportGroup group = group();

        SupportGroup led =
                group.lead(NEW_LEADER, List.of(member(ANA), former), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY);

        assertThat(led.leader()).isEqualTo(NEW_LEADER);
        assertThat(led.id()).isEqualTo(group.id());
        assertThat(group.leader()).as("the record itself does not change").isEqualTo(LEADER);
        assertThat(asked).singleElement().satisfies(pair -> assertThat(pair).containsExactly(NEW_LEADER, ANA));
    }

    @Test
    void theStrictestAnswerAboutAnyMemberCounts() {
        SupportGroup.Check blocksBen =
                (leader, member) -> decision(member.equals(BEN) ? Decision.BLOCK : Decision.WARN);
        SupportGroup.Check warnsBen = (leader, member) -> decision(member.equals(BEN) ? Decision.WARN : Decision.ALLOW);
        List<SupportGroup.Member> members = List.of(member(ANA), member(BEN));

        assertThatThrownBy(() -> group().lead(NEW_LEADER, members, blocksBen, GoAhead.ACKNOWLEDGED, TODAY))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(AcknowledgementNeeded.class);
        assertThatThrownBy(() -> group().lead(NEW_LEADER, members, warnsBen, GoAhead.NOTHING, TODAY))
                .isInstanceOf(AcknowledgementNeeded.class);
        assertThat(group().lead(NEW_LEADER, members, warnsBen, GoAhead.ACKNOWLEDGED, TODAY)
                        .leader())
                .isEqualTo(NEW_LEADER);
    }

    @Test
    void aConsultationClearsAWarningAndStaysWithTheMembership() {
        java.util.UUID consultation = java.util.UUID.randomUUID();

        SupportGroup.Member member = group().join(
                        ANA, List.of(), answering(Decision.WARN), consultedOn(consultation), TODAY)
                .member();

        assertThat(member.decision()).isEqualTo(Decision.WARN);
        assertThat(member.consultation()).isEqualTo(consultation);
        assertThat(group().join(ANA, List.of(), answering(Decision.WARN), GoAhead.ACKNOWLEDGED, TODAY)
                        .member()
                        .consultation())
                .isNull();
        assertThatThrownBy(
                        () -> group().join(ANA, List.of(), answering(Decision.BLOCK), consultedOn(consultation), TODAY))
                .isInstanceOf(ConflictException.class)
                .isNotInstanceOf(AcknowledgementNeeded.class);
    }

    @Test
    void leadingIsAboutTheOneMemberTheCheckAsksAboutAndAConsultationAboutThemClearsIt() {
        SupportGroup.Check warnsBen =
                (leader, member) -> about(leader, member, member.equals(BEN) ? Decision.WARN : Decision.ALLOW);
        List<SupportGroup.Member> members = List.of(member(ANA), member(BEN));
        java.util.UUID consultation = java.util.UUID.randomUUID();

        ConflictDecision leading = group().leading(NEW_LEADER, members, warnsBen, TODAY);
        SupportGroup led = group().lead(NEW_LEADER, members, warnsBen, consultedOn(consultation), TODAY);

        assertThat(leading.about()).isEqualTo(new ConflictDecision.About(Action.LEAD_GROUP_WITH, NEW_LEADER, BEN));
        assertThat(leading.alternatives()).isEmpty();
        assertThat(led.leader()).isEqualTo(NEW_LEADER);
        assertThat(led.leaderConsultation()).isEqualTo(consultation);
    }

    @Test
    void leadingIsAboutNoOnePairingWhenSeveralMembersCallForCare() {
        SupportGroup.Check warnsBoth = (leader, member) -> about(leader, member, Decision.WARN);

        ConflictDecision leading = group().leading(NEW_LEADER, List.of(member(ANA), member(BEN)), warnsBoth, TODAY);

        assertThat(leading.decision()).isEqualTo(Decision.WARN);
        assertThat(leading.about()).isNull();
    }

    @Test
    void aMemberLeavesBeforeLeadingTheGroup() {
        assertThatThrownBy(() ->
                        group().lead(ANA, List.of(member(ANA)), answering(Decision.ALLOW), GoAhead.NOTHING, TODAY))
                .isInstanceOf(BadInputException.class)
                .hasMessage("The new leader is a member of the group; they leave it first.");
    }

    @Test
    void aSessionMarksEveryMemberOfThatDayPresentOrAbsent() {
        SupportGroup.Member joinedLater = new SupportGroup.Member(BEN, TODAY, null, Decision.ALLOW);

        SupportGroup.Session session = group().meet(
                        TODAY.minusDays(1),
                        LocalTime.of(10, 0),
                        90,
                        LEADER,
                        Set.of(ANA),
                        List.of(member(ANA), joinedLater),
                        TODAY);

        assertThat(session.attendance()).isEqualTo(Map.of(ANA, true));
        assertThat(session.leader()).isEqualTo(LEADER);
        assertThat(session.durationMinutes()).isEqualTo(90);
    }

    @Test
    void aSessionRefusesTheFutureAnOddLengthAndSomeoneWhoWasNotAMember() {
        SupportGroup group = group();
        List<SupportGroup.Member> members = List.of(member(ANA));

        assertThatThrownBy(() -> group.meet(TODAY.plusDays(1), null, 60, LEADER, Set.of(), members, TODAY))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("heldOn");
        assertThatThrownBy(() -> group.meet(TODAY, null, 0, LEADER, Set.of(), members, TODAY))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> group.meet(TODAY, null, 721, LEADER, Set.of(), members, TODAY))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> group.meet(TODAY, null, 60, LEADER, Set.of(BEN), members, TODAY))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("was not a member");
    }

    @Test
    void aNewGroupNeedsANameAndKeepsItsPlaceTrimmed() {
        SupportGroup.Schedule schedule = new SupportGroup.Schedule(null, null, "  Library  ");

        assertThat(schedule.place()).isEqualTo("Library");
        assertThat(new SupportGroup.Schedule(null, null, " ").place()).isNull();
        assertThatThrownBy(() -> SupportGroup.start(program(), "  ", null, schedule, LEADER))
                .isInstanceOf(BadInputException.class)
                .hasMessage("name is required");
        assertThatThrownBy(() -> SupportGroup.start(program(), "x".repeat(121), null, schedule, LEADER))
                .isInstanceOf(BadInputException.class);
        assertThat(SupportGroup.start(program(), " Walkers ", " ", schedule, LEADER))
                .satisfies(g -> {
                    assertThat(g.name()).isEqualTo("Walkers");
                    assertThat(g.description()).isNull();
                });
    }

    private SupportGroup.Check answering(Decision d) {
        return (leader, member) -> {
            asked.add(new PersonId[] {leader, member});
            return decision(d);
        };
    }

    private static ConflictDecision decision(Decision d) {
        return new ConflictDecision(
                d, List.of(new ConflictDecision.Reason("rule", d, "X", "a reason", List.of(), null)), List.of());
    }

    private static ConflictDecision about(PersonId leader, PersonId member, Decision d) {
        return new ConflictDecision(
                d,
                List.of(new ConflictDecision.Reason("rule", d, "X", "a reason", List.of(), null)),
                List.of(new ConflictDecision.Alternative(PersonId.random(), "Someone", false, 0)),
                new ConflictDecision.About(Action.LEAD_GROUP_WITH, leader, member));
    }

    private static GoAhead consultedOn(java.util.UUID consultation) {
        return new GoAhead.Consulted(new ConsultationClearance.Cleared(consultation, List.of("Safeguard")));
    }

    private static SupportGroup.Member member(PersonId person) {
        return new SupportGroup.Member(person, TODAY.minusMonths(1), null, Decision.ALLOW);
    }

    private static SupportGroup group() {
        return SupportGroup.start(
                program(), "Walking group", null, new SupportGroup.Schedule(null, null, null), LEADER);
    }

    private static ProgramId program() {
        return new ProgramId(
                java.util.UUID.nameUUIDFromBytes("groups".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
