package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Peer support through the API: referral, suggestions that leave out blocked pairings and explain
 * flagged ones, the participant's choice, the peer worker's answer, the first interaction; who reads
 * what; the language helper; groups; bad input that changes nothing.
 */
@IntegrationTest
class SupportIntegrationTests {

    static final String LANGUAGE_CHECK = "/api/v1/language/check";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    /**
     * Inès, a participant, and five peer workers of her program: Quentin fits her wishes best (her
     * language, lived experience of grief, weekends); Fanny is her friend (declared to staff); Noé
     * may not contact her; Sasha is her sister. New for each test.
     */
    @Nested
    class ReferralToPeerSupport {

        Person participant;
        Person fit;
        Person friend;
        Person restricted;
        Person sister;
        String tag;
        String language;
        String supervisor;
        String quentin;

        @BeforeEach
        void inesAndFivePeerWorkers() {
            tag = TestAgency.tag();
            // A language nobody else in the shared test database is likely to speak.
            language = ThreadLocalRandom.current()
                    .ints(3, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            participant = agency.person("Inès Participant " + tag)
                    .role(Role.PARTICIPANT)
                    .account("ines-" + tag)
                    .create();
            fit = agency.person("Quentin Fit " + tag)
                    .role(Role.PEER_WORKER)
                    .account("quentin-" + tag)
                    .create();
            friend = agency.person("Fanny Friend " + tag)
                    .role(Role.PEER_WORKER)
                    .account("fanny-" + tag)
                    .create();
            restricted = agency.person("Noé Restricted " + tag)
                    .role(Role.PEER_WORKER)
                    .create();
            sister = agency.person("Sasha Sister " + tag).role(Role.PEER_WORKER).create();
            String privacy = agency.demoToken("privacy");
            agency.relate(privacy, "NO_CONTACT", restricted.id(), participant.id(), "PARTIES");
            agency.relate(privacy, "FAMILY", sister.id(), participant.id(), "PARTIES");
            agency.relate(privacy, "FRIEND", friend.id(), participant.id(), "STAFF");
            quentin = agency.token("quentin-" + tag);
            Api.Response profile = api.put(
                    "/api/v1/me/peer-profile",
                    quentin,
                    Api.json(Map.of(
                            "languages", List.of(language, "en"),
                            "livedExperience", List.of("GRIEF"),
                            "availability", List.of("WEEKENDS"),
                            "capacity", 5,
                            "accepting", true)));
            assertThat(profile.status()).as(profile.body()).isEqualTo(200);
            supervisor = agency.demoToken("supervisor");
        }

        @Test
        void sendsAReferralToTheProgramsCoordinators() {
            int before = agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_RECEIVED");

            Api.Response made = refer();

            assertThat(made.json().get("status").asString()).isEqualTo("RECEIVED");
            assertThat(agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_RECEIVED"))
                    .isEqualTo(before + 1);
        }

        @Test
        void suggestsTheBestFitFirstAndLeavesOutBlockedPeers() {
            JsonNode suggestions = suggestions(id(refer()));

            List<String> ours = names(suggestions.get("suggestions")).stream()
                    .filter(n -> n.endsWith(" " + tag))
                    .toList();
            assertThat(ours).containsExactly(fit.displayName(), friend.displayName());
            assertThat(suggestions.get("excludedForConflict").asInt()).isGreaterThanOrEqualTo(2);
            JsonNode best = find(suggestions.get("suggestions"), fit.displayName());
            assertThat(best.get("conflictDecision").asString()).isEqualTo("ALLOW");
            assertThat(best.get("score").asInt()).isEqualTo(4 + 2 + 1);
        }

        @Test
        void explainsWhyAPeerIsFlagged() {
            JsonNode flagged = find(suggestions(id(refer())).get("suggestions"), friend.displayName());

            assertThat(flagged.get("conflictDecision").asString()).isEqualTo("CONSULT");
            assertThat(flagged.get("reasons").get(0).asString()).contains("know each other outside the agency");
        }

        @Test
        void showsSuggestionsOnlyToCoordinators() {
            String referral = id(refer());

            assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", agency.demoToken("psychiatrist"))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void refusesASecondOpenReferralToTheReferrerWhoSeesTheFirst() {
            refer();

            Api.Response again = api.post("/api/v1/referrals", agency.demoToken("psychiatrist"), referralBody());

            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("detail").asString()).contains("already has an open referral");
        }

        @Test
        void recordsASecondReferralFromSomeoneWhoMayNotSeeTheFirst() {
            refer();

            // Refusing would tell the researcher that Inès is being referred to peer support.
            Api.Response unaware = api.post("/api/v1/referrals", agency.demoToken("researcher"), referralBody());

            assertThat(unaware.status()).as(unaware.body()).isEqualTo(201);
            assertThat(api.get("/api/v1/referrals", supervisor)
                            .json()
                            .valueStream()
                            .filter(r -> r.get("personId")
                                    .asString()
                                    .equals(participant.id().toString())))
                    .hasSize(2);
        }

        @Test
        void showsTheReferralToTheReferrerButNotToAColleague() {
            String referral = id(refer());

            assertThat(api.get("/api/v1/referrals/" + referral, agency.demoToken("psychiatrist"))
                            .status())
                    .isEqualTo(200);
            assertThat(api.get("/api/v1/referrals/" + referral, agency.demoToken("peer2"))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void refusesABlockedChoice() {
            String referral = id(refer());

            assertThat(choose(referral, restricted, false).status()).isEqualTo(409);
            assertThat(status(referral)).isEqualTo("RECEIVED");
        }

        @Test
        void asksForAnAcknowledgementBeforeAFlaggedChoice() {
            String referral = id(refer());

            Api.Response unacknowledged = choose(referral, friend, false);

            assertThat(unacknowledged.status()).isEqualTo(409);
            assertThat(unacknowledged.body()).contains("CONSULT");
            assertThat(status(referral)).isEqualTo("RECEIVED");
        }

        @Test
        void offersAFlaggedPeerOnceTheCoordinatorAcknowledges() {
            Api.Response chosen = choose(id(refer()), friend, true);

            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
            assertThat(chosen.json().get("status").asString()).isEqualTo("OFFERED");
        }

        @Test
        void onlyTheChosenPeerAnswers() {
            String referral = id(refer());
            choose(referral, friend, true);

            assertThat(answer(referral, quentin, "{\"accept\":true}").status()).isEqualTo(403);
        }

        @Test
        void remembersAPeerWhoDeclined() {
            String referral = id(refer());
            choose(referral, friend, true);

            Api.Response declined = fannyDeclines(referral);

            assertThat(declined.status()).as(declined.body()).isEqualTo(200);
            assertThat(declined.json().get("chosenPeerId").isNull()).isTrue();
            assertThat(find(suggestions(referral).get("suggestions"), friend.displayName())
                            .get("declinedBefore")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        void acceptingPutsThePeerWorkerInTheCircleOfCare() {
            String referral = id(refer());
            assertThat(choose(referral, fit, false).status()).isEqualTo(200);

            Api.Response accepted = answer(referral, quentin, "{\"accept\":true}");

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
            assertThat(jdbc.sql("""
                            select count(*) from relationship where kind = 'SUPPORTS' and source = 'ASSIGNMENT'
                            and person_a_id = :a and person_b_id = :b and end_date is null
                            """)
                            .param("a", fit.id().value())
                            .param("b", participant.id().value())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        }

        @Test
        void keepsEveryStepOfTheReferral() {
            String referral = id(refer());
            choose(referral, friend, true);
            fannyDeclines(referral);
            choose(referral, fit, false);

            Api.Response accepted = answer(referral, quentin, "{\"accept\":true}");

            List<String> steps = new ArrayList<>();
            accepted.json().get("steps").forEach(s -> steps.add(s.get("step").asString()));
            assertThat(steps).containsExactly("RECEIVED", "OFFERED", "CHOSEN", "PEER_DECLINED", "CHOSEN", "ACCEPTED");
        }

        @Test
        void theParticipantReadsWhatTheirPeerWorkerRecorded() {
            assign();
            recordFirstMeeting();

            JsonNode own = api.get(interactions(), agency.token("ines-" + tag)).json();

            assertThat(own.get("basis").asString()).isEqualTo("SELF");
            assertThat(own.get("interactions").get(0).get("note").asString()).contains("her mother");
        }

        @Test
        void refusesAndAuditsEveryColleagueOutsideTheCircleOfCare() {
            assign();
            recordFirstMeeting();

            for (String colleague : List.of("admin", "peer2", "privacy", "psychiatrist", "researcher")) {
                long before = agency.refusals(colleague);
                Api.Response refused = api.get(interactions(), agency.demoToken(colleague));
                assertThat(refused.status()).as(colleague).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("her mother");
                assertThat(agency.refusals(colleague))
                        .as(colleague + "'s refusal is audited")
                        .isGreaterThan(before);
            }
        }

        @Test
        void aPeerWorkerWhoDeclinedRecordsNothing() {
            String referral = id(refer());
            choose(referral, friend, true);
            fannyDeclines(referral);

            assertThat(api.post(
                                    interactions(),
                                    agency.token("fanny-" + tag),
                                    Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void anAmendmentReplacesTheEntryAndKeepsTheOriginal() {
            assign();
            String interaction = recordFirstMeeting();

            Api.Response amended = api.post(
                    "/api/v1/interactions/" + interaction + "/amend",
                    quentin,
                    Api.json(Map.of(
                            "kind",
                            "ONE_TO_ONE",
                            "durationMinutes",
                            60,
                            "note",
                            "We met for the first time at the library.")));

            assertThat(amended.status()).as(amended.body()).isEqualTo(201);
            JsonNode after =
                    api.get(interactions(), agency.token("ines-" + tag)).json();
            assertThat(after.get("interactions")).hasSize(1);
            assertThat(after.get("interactions").get(0).get("durationMinutes").asInt())
                    .isEqualTo(60);
            assertThat(after.get("interactions")
                            .get(0)
                            .get("earlierVersions")
                            .get(0)
                            .get("note")
                            .asString())
                    .contains("her mother");
        }

        @Test
        void thePeerWorkersDayListsTheParticipant() {
            assign();

            JsonNode day = api.get("/api/v1/me/day", quentin).json();

            assertThat(day.get("participants").get(0).get("name").asString()).isEqualTo(participant.displayName());
        }

        @Test
        void caseloadsCountParticipantsAndMinutesForCoordinatorsOnly() {
            assign();
            recordFirstMeeting();

            JsonNode row = find(api.get("/api/v1/caseloads", supervisor).json(), fit.displayName());

            assertThat(row.get("participants").asInt()).isEqualTo(1);
            assertThat(row.get("minutes30d").asInt()).isEqualTo(45);
            assertThat(api.get("/api/v1/caseloads", quentin).status()).isEqualTo(403);
        }

        @Test
        void closingTheReferralEndsTheAssignment() {
            String referral = assign();

            assertThat(api.post("/api/v1/referrals/" + referral + "/close", quentin, "{\"note\":\"Inès moved away.\"}")
                            .status())
                    .isEqualTo(200);

            assertThat(api.post(interactions(), quentin, Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void thePersonSeesWhoTheyMayChooseAndNothingOfConflictsOrLoads() {
            String referral = id(refer());

            Api.Response seen = api.get(mine(referral) + "/suggestions", ines());

            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            List<String> names = new ArrayList<>();
            seen.json().forEach(c -> names.add(c.get("name").asString()));
            assertThat(names).contains(fit.displayName(), friend.displayName());
            assertThat(names).doesNotContain(restricted.displayName(), sister.displayName());
            assertThat(names.get(0)).as("the best match first").isEqualTo(fit.displayName());
            assertThat(seen.body())
                    .doesNotContain(
                            "\"decision\":",
                            "\"reasons\":",
                            "\"load\":",
                            "\"capacity\":",
                            "\"score\":",
                            "CONSULT",
                            "\"declinedBefore\":");
            JsonNode quentinSeen = seen.json().get(0);
            assertThat(quentinSeen.get("livedExperience").get(0).asString()).isEqualTo("GRIEF");
            assertThat(quentinSeen.get("availability").get(0).asString()).isEqualTo("WEEKENDS");
        }

        @Test
        void nobodyElseReadsOrChoosesOnThePersonsReferral() {
            String referral = id(refer());
            long audited = refusedReads();

            for (String other :
                    List.of(agency.demoToken("participant"), agency.demoToken("peer2"), supervisor, quentin)) {
                assertThat(api.get(mine(referral) + "/suggestions", other).status())
                        .isEqualTo(404);
                assertThat(api.post(mine(referral) + "/choice", other, peerBody(fit))
                                .status())
                        .isEqualTo(404);
                assertThat(api.post(mine(referral) + "/talk-first", other, peerBody(fit))
                                .status())
                        .isEqualTo(404);
            }

            assertThat(status(referral)).isEqualTo("RECEIVED");
            assertThat(refusedReads()).isGreaterThanOrEqualTo(audited + 12);
            assertThat(api.get(mine(UUID.randomUUID().toString()) + "/suggestions", ines())
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void aPeerTheCheckBlocksIsSimplyNotAvailableLikeSomeoneUnknown() {
            String referral = id(refer());

            Api.Response blocked = api.post(mine(referral) + "/choice", ines(), peerBody(sister));
            Api.Response unknown = api.post(
                    mine(referral) + "/choice",
                    ines(),
                    Api.json(Map.of("peerId", UUID.randomUUID().toString())));

            assertThat(blocked.status()).isEqualTo(409);
            assertThat(unknown.status()).isEqualTo(409);
            assertThat(blocked.json().get("detail").asString())
                    .isEqualTo(unknown.json().get("detail").asString())
                    .isEqualTo("This peer worker is not taking new participants right now.");
            assertThat(status(referral)).isEqualTo("RECEIVED");
            assertThat(api.post(mine(referral) + "/choice", ines(), "{\"peerId\":42}")
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void aChoiceTheCheckAllowsAsksThePeerWorkerAtOnce() {
            String referral = id(refer());
            int coordinatorBefore = agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_PERSON_CHOSE");

            Api.Response chosen = api.post(mine(referral) + "/choice", ines(), peerBody(fit));

            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
            assertThat(chosen.json().get("chosenPeerId").asString())
                    .isEqualTo(fit.id().toString());
            assertThat(agency.notices(fit.id(), "REFERRAL_OFFERED_TO_YOU")).isEqualTo(1);
            assertThat(agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_PERSON_CHOSE"))
                    .isEqualTo(coordinatorBefore + 1);
            assertThat(answer(referral, quentin, "{\"accept\":true}").status()).isEqualTo(200);
        }

        @Test
        void aChoiceTheCheckWarnsAboutWaitsForTheCoordinatorAndReadsTheSameToThePerson() {
            String referral = id(refer());

            Api.Response chosen = api.post(mine(referral) + "/choice", ines(), peerBody(friend));

            assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
            assertThat(chosen.json().get("chosenPeerId").asString())
                    .isEqualTo(friend.id().toString());
            assertThat(chosen.body()).doesNotContain("PREFERRED", "conflict", "CONSULT", "WARN");
            Api.Response read = api.get("/api/v1/referrals/" + referral, ines());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).doesNotContain("PREFERRED", "conflict check");
            assertThat(read.json().get("chosenPeerId").asString())
                    .isEqualTo(friend.id().toString());
            assertThat(agency.notices(friend.id(), "REFERRAL_OFFERED_TO_YOU"))
                    .as("nobody asks Fanny before a coordinator confirms")
                    .isZero();
            JsonNode forCoordinator =
                    api.get("/api/v1/referrals/" + referral, supervisor).json();
            assertThat(forCoordinator.get("chosenPeerId").isNull()).isTrue();
            assertThat(forCoordinator
                            .get("steps")
                            .get(forCoordinator.get("steps").size() - 1)
                            .get("step")
                            .asString())
                    .isEqualTo("PREFERRED");
            assertThat(choose(referral, friend, true).status()).isEqualTo(200);
            assertThat(agency.notices(friend.id(), "REFERRAL_OFFERED_TO_YOU")).isEqualTo(1);
        }

        @Test
        void askingToTalkFirstTellsTheCoordinators() {
            String referral = id(refer());
            int before = agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_TALK_FIRST");

            Api.Response asked = api.post(mine(referral) + "/talk-first", ines(), peerBody(fit));

            assertThat(asked.status()).as(asked.body()).isEqualTo(200);
            assertThat(asked.json().get("chosenPeerId").isNull()).isTrue();
            assertThat(agency.notices(agency.demoPerson("Samuel Okafor"), "REFERRAL_TALK_FIRST"))
                    .isEqualTo(before + 1);
            assertThat(api.post(mine(referral) + "/talk-first", ines(), peerBody(sister))
                            .status())
                    .isEqualTo(409);
        }

        @Test
        void askingForAnotherPeerKeepsTheSupportUntilAnotherAcceptsThenEndsIt() {
            String referral = assign();
            recordFirstMeeting();
            Api.Response changed = api.post("/api/v1/me/peer-change", ines(), "");

            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("status").asString()).isEqualTo("OFFERED");
            List<String> names = new ArrayList<>();
            api.get(mine(referral) + "/suggestions", ines())
                    .json()
                    .forEach(c -> names.add(c.get("name").asString()));
            assertThat(names).doesNotContain(fit.displayName()).contains(friend.displayName());
            assertThat(api.post(interactions(), quentin, Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                            .status())
                    .as("Quentin still supports Inès meanwhile")
                    .isEqualTo(201);

            assertThat(choose(referral, friend, true).status()).isEqualTo(200);
            assertThat(answer(referral, agency.token("fanny-" + tag), "{\"accept\":true}")
                            .status())
                    .isEqualTo(200);

            assertThat(api.post(interactions(), quentin, Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                            .status())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/me/peer-change", ines(), Api.json(Map.of("referralId", referral)))
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v1/me/peer-change", ines(), Api.json(Map.of("referralId", referral)))
                            .status())
                    .as("asked already: nobody supports Inès on it now but Fanny, still")
                    .isEqualTo(409);
        }

        @Test
        void someoneElsesSupportCannotBeChangedAndNoSupportIsABadRequest() {
            String referral = assign();

            assertThat(api.post(
                                    "/api/v1/me/peer-change",
                                    agency.demoToken("participant"),
                                    Api.json(Map.of("referralId", referral)))
                            .status())
                    .isEqualTo(404);
            assertThat(api.post("/api/v1/me/peer-change", quentin, "").status()).isEqualTo(400);
            assertThat(status(referral)).isEqualTo("ACCEPTED");
        }

        private String ines() {
            return agency.token("ines-" + tag);
        }

        private String mine(String referral) {
            return "/api/v1/me/referrals/" + referral;
        }

        private String peerBody(Person peer) {
            return Api.json(Map.of("peerId", peer.id().toString()));
        }

        private long refusedReads() {
            return jdbc.sql("select count(*) from audit_entry where record_kind = 'REFERRALS' and outcome = 'DENIED'")
                    .query(Long.class)
                    .single();
        }

        private Api.Response refer() {
            Api.Response made = api.post("/api/v1/referrals", agency.demoToken("psychiatrist"), referralBody());
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            return made;
        }

        private String referralBody() {
            return Api.json(Map.of(
                    "personId", participant.id().toString(),
                    "programId", agency.peerSupport().id().toString(),
                    "reason", "Inès would like to talk with someone who has lost a parent too.",
                    "languages", List.of(language),
                    "livedExperience", List.of("GRIEF"),
                    "availability", List.of("WEEKENDS")));
        }

        /** A referral that Quentin accepted: he now supports Inès. */
        private String assign() {
            String referral = id(refer());
            assertThat(choose(referral, fit, false).status()).isEqualTo(200);
            assertThat(answer(referral, quentin, "{\"accept\":true}").status()).isEqualTo(200);
            return referral;
        }

        private String recordFirstMeeting() {
            Api.Response recorded = api.post(
                    interactions(),
                    quentin,
                    Api.json(Map.of(
                            "kind",
                            "ONE_TO_ONE",
                            "durationMinutes",
                            45,
                            "place",
                            "Library",
                            "topics",
                            List.of("WELLBEING"),
                            "livedExperienceShared",
                            true,
                            "note",
                            "We met for the first time and talked about her mother.")));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            return recorded.json().get("id").asString();
        }

        private JsonNode suggestions(String referral) {
            return api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                    .json();
        }

        private Api.Response choose(String referral, Person peer, boolean acknowledge) {
            return api.post(
                    "/api/v1/referrals/" + referral + "/choice",
                    supervisor,
                    Api.json(Map.of("peerId", peer.id().toString(), "acknowledge", acknowledge)));
        }

        private Api.Response answer(String referral, String token, String body) {
            return api.post("/api/v1/referrals/" + referral + "/answer", token, body);
        }

        private Api.Response fannyDeclines(String referral) {
            return answer(referral, agency.token("fanny-" + tag), "{\"accept\":false,\"note\":\"We are too close.\"}");
        }

        private static String id(Api.Response made) {
            return made.json().get("id").asString();
        }

        private String interactions() {
            return "/api/v1/people/" + participant.id() + "/interactions";
        }

        private String status(String referral) {
            return jdbc.sql("select status from referral where id = :id")
                    .param("id", UUID.fromString(referral))
                    .query(String.class)
                    .single();
        }
    }

    /**
     * An art group led by Léa, a volunteer peer, new for each test; Nina is Léa's neighbour
     * (declared privately), Léa may not contact Bruno, and Paul is nobody to her.
     */
    @Nested
    class GroupWithALeader {

        Person leader;
        Person neighbour;
        Person barred;
        Person plain;
        String tag;
        String supervisor;
        String lea;
        String group;
        String members;

        @BeforeEach
        void anArtGroupLedByLea() {
            tag = TestAgency.tag();
            leader = agency.person("Léa Leader " + tag)
                    .role(Role.VOLUNTEER_PEER)
                    .account("lea-" + tag)
                    .create();
            neighbour = agency.person("Nina Neighbour " + tag)
                    .role(Role.PARTICIPANT)
                    .create();
            barred = agency.person("Bruno Barred " + tag).role(Role.PARTICIPANT).create();
            plain = agency.person("Paul Plain " + tag).role(Role.PARTICIPANT).create();
            String privacy = agency.demoToken("privacy");
            agency.relate(privacy, "NEIGHBOUR", leader.id(), neighbour.id(), "PARTIES");
            agency.relate(privacy, "NO_CONTACT", leader.id(), barred.id(), "STAFF");
            supervisor = agency.demoToken("supervisor");
            Api.Response made = api.post(
                    "/api/v1/groups",
                    supervisor,
                    Api.json(Map.of(
                            "programId",
                            agency.peerSupport().id().toString(),
                            "name",
                            "Art group " + tag,
                            "meetsOn",
                            "THURSDAY",
                            "startsAt",
                            "13:30",
                            "leaderId",
                            leader.id().toString())));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            group = made.json().get("id").asString();
            members = "/api/v1/groups/" + group + "/members";
            lea = agency.token("lea-" + tag);
        }

        @Test
        void refusesAMemberTheLeaderMayNotContact() {
            Api.Response blocked = add(supervisor, barred, false);

            assertThat(blocked.status()).isEqualTo(409);
            assertThat(blocked.body()).contains("no-contact");
        }

        @Test
        void warnsOfAPrivatelyDeclaredRelationshipWithoutNamingIt() {
            Api.Response warned = add(supervisor, neighbour, false);

            assertThat(warned.status()).isEqualTo(409);
            assertThat(warned.body()).contains("declared relationship").doesNotContain("neighbour");
        }

        @Test
        void addsAWarnedMemberOnceTheCoordinatorAcknowledges() {
            assertThat(add(supervisor, neighbour, true).json().get("decision").asString())
                    .isEqualTo("WARN");
        }

        @Test
        void theLeaderAddsAMemberOnlyOnce() {
            assertThat(add(lea, plain, false).status()).isEqualTo(201);
            assertThat(add(lea, plain, false).status()).isEqualTo(409);
        }

        @Test
        void keepsAttendance() {
            add(supervisor, neighbour, true);
            add(lea, plain, false);

            Api.Response session = session(90, plain);

            assertThat(session.status()).as(session.body()).isEqualTo(201);
            assertThat(session.json()
                            .get("attendance")
                            .get(plain.id().toString())
                            .asBoolean())
                    .isTrue();
            assertThat(session.json()
                            .get("attendance")
                            .get(neighbour.id().toString())
                            .asBoolean())
                    .isFalse();
        }

        @Test
        void showsTheRosterToItsLeaderButNotToAnotherPeerWorker() {
            add(supervisor, neighbour, true);
            add(lea, plain, false);

            assertThat(api.get("/api/v1/groups/" + group, lea).json().get("members"))
                    .hasSize(2);
            assertThat(api.get("/api/v1/groups/" + group, agency.demoToken("peer2"))
                            .status())
                    .isEqualTo(403);
        }

        @Test
        void refusesToMarkSomeoneWhoIsNotAMemberPresent() {
            add(lea, plain, false);

            assertThat(session(60, barred).status()).isEqualTo(400);
        }

        @Test
        void refusesANewLeaderWhoMayNotContactAMember() {
            add(lea, plain, false);
            Person other =
                    agency.person("Omer Other " + tag).role(Role.PEER_WORKER).create();
            agency.relate(agency.demoToken("privacy"), "NO_CONTACT", other.id(), plain.id(), "PARTIES");

            assertThat(api.put(
                                    "/api/v1/groups/" + group + "/leader",
                                    supervisor,
                                    Api.json(Map.of("leaderId", other.id().toString())))
                            .status())
                    .isEqualTo(409);
            assertThat(api.get("/api/v1/groups/" + group, lea)
                            .json()
                            .get("group")
                            .get("leaderId")
                            .asString())
                    .isEqualTo(leader.id().toString());
        }

        private Api.Response add(String token, Person member, boolean acknowledge) {
            return api.post(
                    members, token, Api.json(Map.of("personId", member.id().toString(), "acknowledge", acknowledge)));
        }

        private Api.Response session(int minutes, Person present) {
            return api.post(
                    "/api/v1/groups/" + group + "/sessions",
                    lea,
                    Api.json(Map.of(
                            "heldOn", agency.today().toString(),
                            "durationMinutes", minutes,
                            "present", List.of(present.id().toString()))));
        }
    }

    @Test
    void theLanguageHelperSuggestsRespectfulWordsInEnglish() {
        JsonNode en = check(
                Map.of("text", "She was Non-Compliant again and suffers from anxiety; a schizophrenic neighbour."));

        List<String> found = new ArrayList<>();
        en.forEach(h -> found.add(h.get("phrase").asString()));
        assertThat(found).containsExactly("non-compliant", "suffers from", "a schizophrenic");
        assertThat(en.get(1).get("suggestion").asString()).contains("lives with");
    }

    @Test
    void theLanguageHelperSuggestsRespectfulWordsInFrench() {
        JsonNode fr = check(Map.of("text", "Il souffre de dépression et reste dans le déni.", "lang", "fr"));

        assertThat(fr).hasSize(2);
        assertThat(fr.get(0).get("lang").asString()).isEqualTo("fr");
        assertThat(fr.get(0).get("suggestion").asString()).contains("vit avec");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Julie chose the walking group.", "Clientele; addiction services."})
    void theLanguageHelperFindsNothingInRespectfulTextNorInsideOtherWords(String text) {
        assertThat(check(Map.of("text", text))).isEmpty();
    }

    static Stream<Arguments> badReferrals() {
        String fine = "\",\"reason\":\"A fine reason\"";
        return Stream.of(
                Arguments.of(400, "{"),
                Arguments.of(400, "{}"),
                Arguments.of(400, "{\"personId\":\"%1$s\",\"programId\":\"%2$s\",\"reason\":\"hi\"}"),
                Arguments.of(400, "{\"personId\":\"%1$s\",\"programId\":\"%2$s\",\"reason\":\"%4$s\"}"),
                Arguments.of(
                        400, "{\"personId\":\"%1$s\",\"programId\":\"%2$s" + fine + ",\"languages\":[\"english!\"]}"),
                Arguments.of(
                        400,
                        "{\"personId\":\"%1$s\",\"programId\":\"%2$s" + fine + ",\"livedExperience\":[\"ASTROLOGY\"]}"),
                Arguments.of(400, "{\"personId\":\"%1$s\",\"programId\":\"%3$s" + fine + "}"),
                Arguments.of(404, "{\"personId\":\"%3$s\",\"programId\":\"%2$s" + fine + "}"));
    }

    @ParameterizedTest
    @MethodSource("badReferrals")
    void refusesABadReferralAndChangesNothing(int status, String template) {
        String body = template.formatted(julie(), agency.peerSupport().id(), UUID.randomUUID(), "x".repeat(2001));
        long referrals = agency.rows("referral");

        Api.Response r = api.post("/api/v1/referrals", agency.demoToken("supervisor"), body);

        assertThat(r.status()).as(body).isEqualTo(status);
        assertThat(r.contentType()).as(body).contains("problem+json");
        assertThat(agency.rows("referral")).isEqualTo(referrals);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\":\"TELEPATHY\",\"durationMinutes\":10}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":0}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":721}",
                "{\"kind\":\"ONE_TO_ONE\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"occurredOn\":\"%1$s\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"occurredOn\":\"last tuesday\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"topics\":[\"GOSSIP\"]}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"note\":\"%2$s\"}",
                "[1,2]"
            })
    void refusesABadInteractionAndChangesNothing(String template) {
        String body = template.formatted(agency.today().plusDays(2), "x".repeat(2001));
        long interactions = agency.rows("interaction");

        Api.Response r = api.post("/api/v1/people/" + julie() + "/interactions", agency.demoToken("peer"), body);

        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.contentType()).as(body).contains("problem+json");
        assertThat(agency.rows("interaction")).isEqualTo(interactions);
    }

    @Test
    void refusesAPeerProfileOverTheCapacityLimit() {
        assertThat(api.put("/api/v1/me/peer-profile", agency.demoToken("peer"), "{\"capacity\":99,\"accepting\":true}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyPeerWorkersHaveAPeerProfile() {
        assertThat(api.put(
                                "/api/v1/me/peer-profile",
                                agency.demoToken("supervisor"),
                                "{\"capacity\":5,\"accepting\":true}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesToCheckTheLanguageOfMoreThanTenThousandCharacters() {
        assertThat(api.post(LANGUAGE_CHECK, agency.demoToken("peer"), Api.json(Map.of("text", "x".repeat(10_001))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyCoordinatorsChangeTheLanguageHelpersPhrases() {
        assertThat(api.put("/api/v1/language/phrases", agency.demoToken("peer"), "[]")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesPhrasesInALanguageTheHelperDoesNotSpeak() {
        assertThat(api.put(
                                "/api/v1/language/phrases",
                                agency.demoToken("supervisor"),
                                "[{\"lang\":\"de\",\"phrase\":\"x y\",\"suggestion\":\"z\"}]")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void answersNotFoundForAnUnknownReferralAndBadRequestForAMalformedId() {
        String supervisor = agency.demoToken("supervisor");

        assertThat(api.get("/api/v1/referrals/" + UUID.randomUUID(), supervisor).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/referrals/not-a-uuid", supervisor).status()).isEqualTo(400);
    }

    @Test
    void refusesAGroupThatMeetsOnADayThatDoesNotExist() {
        assertThat(api.post(
                                "/api/v1/groups",
                                agency.demoToken("supervisor"),
                                Api.json(Map.of(
                                        "programId",
                                        agency.peerSupport().id().toString(),
                                        "name",
                                        "G",
                                        "meetsOn",
                                        "FUNDAY",
                                        "leaderId",
                                        agency.demoPerson("Rosa Díaz").toString())))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aReferralFormWithTooShortAReasonShowsTheRuleBesideItsField() {
        var tooShort = referralForm(Map.of("personId", julie(), "programId", peerSupport(), "reason", "hi"));

        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body())
                .contains("Reason must be at least 5 characters")
                .contains("Why peer support could help");
    }

    @Test
    void aReferralFormWithABadLanguageShowsTheRule() {
        var badLanguage = referralForm(Map.of(
                "personId", julie(), "programId", peerSupport(), "reason", "A fine reason", "languages", "français"));

        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("ISO 639");
    }

    @Test
    void aReferralFormWithoutAPersonIsRefused() {
        var noPerson = referralForm(Map.of("programId", peerSupport(), "reason", "A fine reason"));

        assertThat(noPerson.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("badContactForms")
    void aBadContactFormShowsAnAlertAndRecordsNothing(Map<String, String> form) {
        long interactions = agency.rows("interaction");
        BrowserSession peer = agency.demoBrowser("peer");
        assertThat(peer.get("/support/participants/" + julie()).body()).contains("Record a contact");

        var saved = peer.post("/support/participants/" + julie() + "/interactions", form);

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(peer.get("/support/participants/" + julie()).body()).contains("role=\"alert\"");
        assertThat(agency.rows("interaction")).isEqualTo(interactions);
    }

    static Stream<Map<String, String>> badContactForms() {
        return Stream.of(
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "half an hour"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "0"),
                Map.of("kind", "DANCING", "durationMinutes", "30"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "30", "occurredOn", "yesterday"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "30", "nextMeeting", "2020-01-01T10:00"));
    }

    @Test
    void aBadPeerProfileFormShowsTheRule() {
        BrowserSession peer = agency.demoBrowser("peer");
        peer.get("/support/profile");

        var profile = peer.post("/support/profile", Map.of("capacity", "lots", "accepting", "true"));

        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(peer.get("/support/profile").body()).contains("Capacity must be a whole number");
    }

    @Test
    void theDemoAgencyHasReferralsInEveryStateAndInteractionsOnManyDays() {
        assertThat(jdbc.sql("select distinct status from referral")
                        .query(String.class)
                        .list())
                .contains("RECEIVED", "OFFERED", "ACCEPTED", "DECLINED", "CLOSED");
        assertThat(jdbc.sql("select count(distinct occurred_on) from interaction")
                        .query(Integer.class)
                        .single())
                .isGreaterThan(15);
    }

    @Test
    void theDemoPeerWorkersDayAndTheDemoParticipantsOwnRecordAreFull() {
        JsonNode day = api.get("/api/v1/me/day", agency.demoToken("peer")).json();
        assertThat(day.get("referralsWaitingForMe")).isNotEmpty();
        assertThat(day.get("groupsToday")).isNotEmpty();

        JsonNode juliesOwn = api.get("/api/v1/people/" + julie() + "/interactions", agency.demoToken("participant"))
                .json();
        assertThat(juliesOwn.get("basis").asString()).isEqualTo("SELF");
        assertThat(juliesOwn.get("interactions").size()).isGreaterThan(5);
    }

    private JsonNode check(Map<String, String> text) {
        return api.post(LANGUAGE_CHECK, agency.demoToken("peer"), Api.json(text))
                .json();
    }

    /** Posts the referral form as the demo supervisor; checks that no referral was made. */
    private java.net.http.HttpResponse<String> referralForm(Map<String, String> form) {
        long referrals = agency.rows("referral");
        BrowserSession supervisor = agency.demoBrowser("supervisor");
        supervisor.get("/referrals/new?person=" + julie());
        var response = supervisor.post("/referrals", form);
        assertThat(agency.rows("referral")).isEqualTo(referrals);
        return response;
    }

    private String julie() {
        return agency.demoPerson("Julie Roy").toString();
    }

    private String peerSupport() {
        return agency.peerSupport().id().toString();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }
}
