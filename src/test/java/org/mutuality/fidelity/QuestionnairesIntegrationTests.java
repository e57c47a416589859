package org.mutuality.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outcome questionnaires through the API: a participant completes the WHO-5 at intake and sees their
 * scores; answers that miss an item or hold a value no option offers are refused and nothing is
 * saved; their peer worker reads the results only while the participant allows it; another
 * participant, a colleague, every role and another agency meet the same 404 as for a missing person,
 * and each refusal is audited.
 */
@IntegrationTest
class QuestionnairesIntegrationTests {

    static final String WHO5 = "/api/v1/me/questionnaires/WHO-5";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person participant;
    Person other;
    Person peer;
    Person colleague;
    String participantToken;
    String peerToken;

    @BeforeEach
    void aParticipantAndTheirPeerWorker() {
        api = agency.api();
        tag = TestAgency.tag();
        participant = agency.person("Quinn Questions " + tag)
                .role(Role.PARTICIPANT)
                .account("quinn-" + tag)
                .create();
        other = agency.person("Ola Other " + tag)
                .role(Role.PARTICIPANT)
                .account("ola-" + tag)
                .create();
        peer = agency.person("Pat Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("pat-" + tag)
                .create();
        colleague = agency.person("Cam Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("cam-" + tag)
                .create();
        agency.relate(agency.demoToken("supervisor"), "SUPPORTS", peer.id(), participant.id());
        participantToken = agency.token(participant);
        peerToken = agency.token(peer);
    }

    @Test
    void asksTheWho5AtIntake() {
        Api.Response due = api.get("/api/v1/me/questionnaires", participantToken);

        assertThat(due.status()).isEqualTo(200);
        var who5 = due.json().get(0);
        assertThat(who5.get("questionnaire").get("code").asString()).isEqualTo("WHO-5");
        assertThat(who5.get("dueNow").asBoolean()).isTrue();
        assertThat(who5.get("lastAnswered").isNull()).isTrue();
        assertThat(who5.get("questionnaire").get("items").size()).isEqualTo(5);
    }

    @Test
    void scoresAnswersAndShowsThemOverTime() {
        Api.Response first = answer(participantToken, "[3,2,4,1,3]");

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("raw").asInt()).isEqualTo(13);
        assertThat(first.json().get("score").asInt()).isEqualTo(52);
        assertThat(answer(participantToken, "[5,5,4,4,5]").status()).isEqualTo(201);

        Api.Response results = api.get(WHO5 + "/results", participantToken);
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.json().size()).isEqualTo(2);
        assertThat(results.json().get(0).get("score").asInt()).isEqualTo(92);

        Api.Response due = api.get("/api/v1/me/questionnaires", participantToken);
        assertThat(due.json().get(0).get("dueNow").asBoolean()).isFalse();
    }

    @Test
    void pagesTheResultsWithALinkToTheNext() {
        for (int i = 0; i < 3; i++) {
            answer(participantToken, "[1,1,1,1,1]");
        }

        List<Api.Response> pages = api.pages(WHO5 + "/results?limit=2", participantToken);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).json().size() + pages.get(1).json().size()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"answers\":[5,5,5,5]}",
                "{\"answers\":[5,5,5,5,5,5]}",
                "{\"answers\":[5,5,6,5,5]}",
                "{\"answers\":[5,5,-1,5,5]}",
                "{\"answers\":[5,null,5,5,5]}",
                "{\"answers\":[]}",
                "{}",
                "{\"answers\":\"5,5,5,5,5\"}",
                "not json"
            })
    void refusesBadAnswersAndSavesNothing(String body) {
        long before = agency.rows("questionnaire_response");

        Api.Response refused = api.post(WHO5 + "/responses", participantToken, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(agency.rows("questionnaire_response")).isEqualTo(before);
        assertThat(api.get(WHO5 + "/results", participantToken).json().size()).isZero();
    }

    @Test
    void answersAnUnknownQuestionnaireAsMissing() {
        assertThat(api.post("/api/v1/me/questionnaires/NOPE/responses", participantToken, "{\"answers\":[1]}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/questionnaires/NOPE/results", participantToken)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesStaffAnsweringAsAParticipant() {
        assertThat(answer(peerToken, "[1,1,1,1,1]").status()).isEqualTo(403);
    }

    @Test
    void hidesResultsFromThePeerWorkerUntilTheParticipantAllows() {
        answer(participantToken, "[3,3,3,3,3]");
        long refusalsBefore = agency.refusals(peer.id());

        assertHidden(peerToken);
        assertThat(agency.refusals(peer.id())).isEqualTo(refusalsBefore + 1);

        assertThat(api.put("/api/v1/me/questionnaires/sharing", participantToken, "{\"shared\":true}")
                        .status())
                .isEqualTo(200);
        Api.Response shared = api.get(resultsOf(participant.id()), peerToken);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.json().get(0).get("score").asInt()).isEqualTo(60);

        api.put("/api/v1/me/questionnaires/sharing", participantToken, "{\"shared\":false}");
        assertHidden(peerToken);
    }

    @Test
    void hidesSharedResultsFromEveryoneButTheirPeerWorker() {
        answer(participantToken, "[3,3,3,3,3]");
        api.put("/api/v1/me/questionnaires/sharing", participantToken, "{\"shared\":true}");

        assertHidden(agency.token(other));
        assertHidden(agency.token(colleague));
        for (String role : List.of("admin", "privacy", "manager", "supervisor", "peer")) {
            assertHidden(agency.demoToken(role));
        }
    }

    @Test
    void answersAHiddenPersonExactlyAsAMissingOne() {
        answer(participantToken, "[3,3,3,3,3]");
        String colleagueToken = agency.token(colleague);

        Api.Response hidden = api.get(resultsOf(participant.id()), colleagueToken);
        Api.Response missing = api.get(resultsOf(new PersonId(java.util.UUID.randomUUID())), colleagueToken);

        assertThat(hidden.status()).isEqualTo(404).isEqualTo(missing.status());
        assertThat(hidden.body().replace(participant.id().value().toString(), "ID"))
                .isEqualTo(missing.body().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"));
    }

    @Test
    void keepsAnotherAgencysPeopleOutOfReach() {
        answer(participantToken, "[3,3,3,3,3]");
        api.put("/api/v1/me/questionnaires/sharing", participantToken, "{\"shared\":true}");
        TestAgency b = agency.inAgency("Outcomes B");
        Person theirPeer = b.person("Bo Peer " + tag)
                .role(Role.PEER_WORKER, b.peerSupport())
                .account("bo-" + tag)
                .create();
        Person theirParticipant = b.person("Bea Participant " + tag)
                .role(Role.PARTICIPANT, b.peerSupport())
                .account("bea-" + tag)
                .create();
        String bea = b.token(theirParticipant);

        assertHidden(b.token(theirPeer));
        assertThat(answer(bea, "[1,1,1,1,1]").status()).isEqualTo(201);
        assertThat(api.get(WHO5 + "/results", bea).json().size()).isEqualTo(1);
        assertThat(api.get(resultsOf(theirParticipant.id()), peerToken).status())
                .isEqualTo(404);
        assertThat(api.get(WHO5 + "/results", participantToken).json().size()).isEqualTo(1);
    }

    @Test
    void pastesTheWho5WordingButKeepsItsStructure() {
        String admin = agency.demoToken("admin");
        Map<String, Object> wording = Map.of("en", "Pasted wording", "fr", "Libellé collé");
        Map<String, Object> option = Map.of("value", 5, "label", wording);
        Map<String, Object> wrong = Map.of(
                "title",
                wording,
                "items",
                List.of(wording, wording, wording, wording),
                "options",
                List.of(option, Map.of("value", 0, "label", wording)),
                "factor",
                4,
                "intervalDays",
                14);

        Api.Response refused = api.put("/api/v1/fidelity/questionnaires/WHO-5", admin, Api.json(wrong));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(api.put("/api/v1/fidelity/questionnaires/WHO-5", participantToken, Api.json(wrong))
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/api/v1/fidelity/questionnaires/MOOD-2", peerToken, Api.json(wrong))
                        .status())
                .isEqualTo(403);
    }

    private Api.Response answer(String token, String answers) {
        return api.post(WHO5 + "/responses", token, "{\"answers\":" + answers + "}");
    }

    private static String resultsOf(PersonId person) {
        return "/api/v1/people/" + person.value() + "/questionnaires/WHO-5/results";
    }

    private void assertHidden(String token) {
        Api.Response r = api.get(resultsOf(participant.id()), token);
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("\"score\"");
    }
}
