package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ConflictsApiIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAgency demo;

    Api api;

    @BeforeEach
    void setUp() {
        api = demo.api();
    }

    @Test
    void blocksThePsychiatristFromApprovingTheHoursOfThePeerSheTreats() {
        JsonNode decision = helenesApprovalOfJordansHours(api.demoToken("psychiatrist"));

        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("reasons").get(0).get("relationship").asString())
                .isEqualTo("TREATS");
    }

    /** Chosen on what the caller may see (ADR 0012), so who is missing tells her nothing private. */
    @ParameterizedTest
    @ValueSource(strings = {"psychiatrist", "manager"})
    void offersTheSameOtherApproverToThePsychiatristAndTheManager(String caller) {
        JsonNode decision = helenesApprovalOfJordansHours(api.demoToken(caller));

        assertThat(decision.get("alternatives").get(0).get("name").asString()).isEqualTo("Sam Okafor");
    }

    @Test
    void neverRevealsARelationshipTheCallerMayNotSee() {
        String supervisor = api.demoToken("supervisor");

        JsonNode decision = check(
                supervisor,
                "APPROVE_TIMESHEET",
                Demo.personId(jdbc, "Hélène Tremblay"),
                Demo.personId(jdbc, "Jordan Lee"));

        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.toString()).doesNotContain("TREATS").doesNotContain("care");
        assertThat(decision.get("reasons").get(0).get("rule").asString()).isEqualTo("declared-relationship");
        assertThat(api.get("/api/v1/people/" + Demo.personId(jdbc, "Jordan Lee") + "/relationships", supervisor)
                        .body())
                .doesNotContain("TREATS")
                .doesNotContain("FRIEND")
                .contains("SUPERVISES");
    }

    @Test
    void letsTheFriendsDecideWithAConsultation() {
        JsonNode decision = check(
                api.demoToken("peer2"),
                "ASSIGN_SUPPORT",
                Demo.personId(jdbc, "Marc-André Gagnon"),
                Demo.personId(jdbc, "Louise Bernard"));

        assertThat(decision.get("decision").asString()).isEqualTo("CONSULT");
        assertThat(decision.get("reasons").get(0).get("relationship").asString())
                .isEqualTo("FRIEND");
        assertThat(decision.get("reasons").get(0).get("safeguards")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown action | {\"action\":\"DANCE\",\"actorId\":\"JORDAN\",\"subjectId\":\"JORDAN\"} | 400",
                "an unknown actor | {\"action\":\"SUPERVISE\",\"actorId\":\"UNKNOWN\",\"subjectId\":\"JORDAN\"} | 404",
                "no people | {\"action\":\"SUPERVISE\"} | 400",
                "ids that are not ids | {\"action\":\"SUPERVISE\",\"actorId\":\"x\",\"subjectId\":\"y\"} | 400"
            })
    void refusesABadCheck(String what, String body, int status) {
        String json = body.replace("JORDAN", Demo.personId(jdbc, "Jordan Lee"))
                .replace("UNKNOWN", UUID.randomUUID().toString());

        assertThat(api.post("/api/v1/conflicts/check", api.demoToken("supervisor"), json)
                        .status())
                .isEqualTo(status);
    }

    @Test
    void givesOppositeAnswersUnderOppositePolicies() {
        PolicyAgency strict = agencyWithPolicy("strict", "BLOCK");
        PolicyAgency open = agencyWithPolicy("open", "ALLOW");

        assertThat(decisionIn(strict)).isEqualTo("BLOCK");
        assertThat(decisionIn(open)).isEqualTo("ALLOW");
    }

    @Test
    void refusesAnInvalidPolicy() {
        String privacy = agencyWithPolicy("refuses", "WARN").privacy;

        Api.Response refused =
                put(privacy, "/api/v1/conflicts/policy?reason=typo", "rules:\n  - id: x\n    decision: NEVER\n");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"line\":2").contains("'actions' is required");
    }

    @Test
    void keepsTheOldPolicyInForceWhenAnInvalidOneIsRefused() {
        String privacy = agencyWithPolicy("keeps", "WARN").privacy;
        String before = get(privacy, "/api/v1/conflicts/policy");

        put(privacy, "/api/v1/conflicts/policy?reason=typo", "rules:\n  - id: x\n    decision: NEVER\n");

        assertThat(get(privacy, "/api/v1/conflicts/policy")).isEqualTo(before);
        assertThat(api.get("/api/v1/conflicts/policy/versions", privacy).json()).hasSize(2);
    }

    @Test
    void letsOnlyThePrivacyLeadChangeThePolicy() {
        Api.Response response =
                put(api.demoToken("admin"), "/api/v1/conflicts/policy?reason=try", Policies.defaultText());

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void keepsEveryVersionOfThePolicy() {
        String privacy = agencyWithPolicy("versions", "CONSULT").privacy;

        assertThat(put(privacy, "/api/v1/conflicts/policy?reason=" + "back%20to%20default", Policies.defaultText())
                        .status())
                .isEqualTo(200);

        JsonNode versions =
                api.get("/api/v1/conflicts/policy/versions", privacy).json();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("reason").asString()).isEqualTo("back to default");
        assertThat(get(privacy, "/api/v1/conflicts/policy/versions/1")).contains("decision: CONSULT");
    }

    // --- agencies of their own, each with its own policy on the same situation (S10)

    /** An agency whose privacy lead chose the policy, and a clinician who treats a peer worker. */
    private record PolicyAgency(String privacy, String clinician, String peer) {}

    /** Whether the clinician may review the peer worker's performance, as the privacy lead is told. */
    private String decisionIn(PolicyAgency agency) {
        return check(agency.privacy, "REVIEW_PERFORMANCE", agency.clinician, agency.peer)
                .get("decision")
                .asString();
    }

    private PolicyAgency agencyWithPolicy(String name, String decisionForCare) {
        TestAgency own = demo.inAgency(name);
        Person privacy = own.person("Privacy " + name)
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        Person clinician =
                own.person("Clinician " + name).roleAcrossAgency(Role.CLINICIAN).create();
        Person peer =
                own.person("Peer " + name).roleAcrossAgency(Role.PEER_WORKER).create();
        Person manager = own.person("Manager " + name)
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        own.relate(own.token(manager), "TREATS", clinician.id(), peer.id());
        String token = own.token(privacy);
        String policy = "rules:\n  - id: treating-colleagues\n    actions: [REVIEW_PERFORMANCE]\n    kinds: [TREATS]\n"
                + "    decision: " + decisionForCare + "\n    explanation: Our agency's choice.\n";
        Api.Response saved = put(token, "/api/v1/conflicts/policy?reason=our%20choice", policy);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return new PolicyAgency(
                token, clinician.id().value().toString(), peer.id().value().toString());
    }

    private JsonNode helenesApprovalOfJordansHours(String token) {
        return check(
                token, "APPROVE_TIMESHEET", Demo.personId(jdbc, "Hélène Tremblay"), Demo.personId(jdbc, "Jordan Lee"));
    }

    private JsonNode check(String token, String action, String actor, String subject) {
        Api.Response response = api.post(
                "/api/v1/conflicts/check",
                token,
                "{\"action\":\"" + action + "\",\"actorId\":\"" + actor + "\",\"subjectId\":\"" + subject + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String get(String token, String path) {
        return api.get(path, token).body();
    }

    private Api.Response put(String token, String path, String yaml) {
        return api.send("PUT", path, token, "application/yaml", yaml);
    }
}
