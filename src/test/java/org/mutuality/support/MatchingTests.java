package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.PersonRole;
import org.mutuality.directory.ProgramId;
import org.mutuality.directory.Role;
import org.mutuality.directory.RoleId;
import org.mutuality.shared.AgencyId;

/** The ranking of peer workers for a referral, without a database. */
class MatchingTests {

    /** A fixed day: these rules read no clock of their own, and the test reads none either. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);

    static final AgencyId AGENCY = new AgencyId(UUID.randomUUID());
    static final PersonId PARTICIPANT = PersonId.random();

    @Test
    void ranksByWhatTheParticipantAskedForThenByLoad() {
        Person french = peer("Amélie");
        Person griefAndWeekends = peer("Bob");
        Person nothingShared = peer("Chloé");
        Person alsoFrenchButBusier = peer("Denis");
        Referral referral = referral(
                new Preferences(Set.of("fr"), null, Set.of(LivedExperience.GRIEF), Set.of(Availability.WEEKENDS)));
        Map<PersonId, PeerProfile> profiles = Map.of(
                french.id(), profile(french, Set.of("fr"), Set.of(), Set.of(), 5),
                griefAndWeekends.id(),
                        profile(
                                griefAndWeekends,
                                Set.of("en"),
                                Set.of(LivedExperience.GRIEF),
                                Set.of(Availability.WEEKENDS),
                                5),
                alsoFrenchButBusier.id(), profile(alsoFrenchButBusier, Set.of("fr"), Set.of(), Set.of(), 5));
        Suggestion.Result result = Matching.suggest(
                referral,
                List.of(nothingShared, griefAndWeekends, alsoFrenchButBusier, french),
                profiles,
                Map.of(alsoFrenchButBusier.id(), 3, french.id(), 1),
                peer -> allow());
        assertThat(result.suggestions())
                .extracting(Suggestion::name)
                .containsExactly("Amélie", "Denis", "Bob", "Chloé");
        assertThat(result.suggestions().get(0).score()).isEqualTo(Matching.LANGUAGE);
        assertThat(result.suggestions().get(2).score()).isEqualTo(Matching.AREA + Matching.TIME);
        assertThat(result.suggestions().get(2).matches())
                .containsExactly(
                        new Suggestion.Match("livedExperience", "GRIEF"),
                        new Suggestion.Match("availability", "WEEKENDS"));
    }

    @Test
    void leavesOutBlockedAndFullPeersAndRanksWarnedOnesAfterTheirEquals() {
        Person blocked = peer("Blocked");
        Person warned = peer("Warned");
        Person plain = peer("Plain");
        Person full = peer("Full");
        Person notAccepting = peer("Resting");
        Map<PersonId, PeerProfile> profiles = Map.of(
                full.id(),
                profile(full, Set.of(), Set.of(), Set.of(), 2),
                notAccepting.id(),
                new PeerProfile(notAccepting.id(), Set.of(), null, Set.of(), Set.of(), 5, false));
        Suggestion.Result result = Matching.suggest(
                referral(Preferences.none()),
                List.of(blocked, warned, plain, full, notAccepting),
                profiles,
                Map.of(full.id(), 2),
                peer -> peer.equals(blocked.id())
                        ? decision(Decision.BLOCK, "never paired")
                        : peer.equals(warned.id()) ? decision(Decision.WARN, "neighbours") : allow());
        assertThat(result.suggestions()).extracting(Suggestion::name).containsExactly("Plain", "Warned");
        assertThat(result.suggestions().get(1).reasons()).containsExactly("neighbours");
        assertThat(result.excludedForConflict()).isEqualTo(1);
        assertThat(result.full()).isEqualTo(2);
    }

    @Test
    void neverSuggestsThePersonToThemselvesAndMarksPeersWhoDeclined() {
        Person self = peer(PARTICIPANT, "Self");
        Person declined = peer("Declined");
        Referral base = referral(Preferences.none());
        Referral referral = new Referral(
                base.id(),
                base.person(),
                base.program(),
                base.referredBy(),
                base.reason(),
                base.preferences(),
                ReferralStatus.OFFERED,
                null,
                null,
                null,
                base.receivedAt(),
                base.updatedAt(),
                1,
                List.of(new Referral.Step(
                        Referral.StepKind.PEER_DECLINED, declined.id(), declined.id(), null, CLOCK.instant())));
        Suggestion.Result result =
                Matching.suggest(referral, List.of(self, declined), Map.of(), Map.of(), peer -> allow());
        assertThat(result.suggestions()).extracting(Suggestion::name).containsExactly("Declined");
        assertThat(result.suggestions().get(0).declinedBefore()).isTrue();
    }

    private static Person peer(String name) {
        return peer(PersonId.random(), name);
    }

    private static Person peer(PersonId id, String name) {
        return new Person(
                id,
                AGENCY,
                new PersonDetails(name, null, null, null, null),
                true,
                0,
                List.of(new PersonRole(
                        RoleId.random(),
                        Role.PEER_WORKER,
                        null,
                        null,
                        LocalDate.now(CLOCK).minusYears(1),
                        null)));
    }

    private static PeerProfile profile(
            Person p, Set<String> languages, Set<LivedExperience> areas, Set<Availability> times, int capacity) {
        return new PeerProfile(p.id(), languages, null, areas, times, capacity, true);
    }

    private static Referral referral(Preferences preferences) {
        return new Referral(
                ReferralId.random(),
                PARTICIPANT,
                ProgramId.random(),
                PersonId.random(),
                "reason",
                preferences,
                ReferralStatus.RECEIVED,
                null,
                null,
                null,
                CLOCK.instant(),
                CLOCK.instant(),
                0,
                List.of());
    }

    private static ConflictDecision allow() {
        return new ConflictDecision(Decision.ALLOW, List.of(), List.of());
    }

    private static ConflictDecision decision(Decision d, String why) {
        return new ConflictDecision(
                d, List.of(new ConflictDecision.Reason("rule", d, "X", why, List.of(), null)), List.of());
    }
}
