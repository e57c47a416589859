package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ConflictsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void blocksThePsychiatristFromApprovingTheHoursOfThePeerSheTreats() {
        JsonNode decision = check(
                api.demoToken("psychiatrist"),
                "APPROVE_TIMESHEET",
                Demo.personId(jdbc, "Hélène Tremblay"),
                Demo.personId(jdbc, "Jordan Lee"));

        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("reasons").get(0).get("relationship").asString())
                .isEqualTo("TREATS");
        // Chosen on what she may see (ADR 0012), so who is missing tells her nothing private.
        assertThat(decision.get("alternatives").get(0).get("name").asString()).isEqualTo("Sam Okafor");
        JsonNode asManager = check(
                api.demoToken("manager"),
                "APPROVE_TIMESHEET",
                Demo.personId(jdbc, "Hélène Tremblay"),
                Demo.personId(jdbc, "Jordan Lee"));
        assertThat(asManager.get("alternatives").get(0).get("name").asString()).isEqualTo("Sam Okafor");
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

    @Test
    void refusesUnknownActionsAndPeople() {
        String token = api.demoToken("supervisor");
        String jordan = Demo.personId(jdbc, "Jordan Lee");

        assertThat(api.post(
                                "/api/v1/conflicts/check",
                                token,
                                "{\"action\":\"DANCE\",\"actorId\":\"" + jordan + "\",\"subjectId\":\"" + jordan
                                        + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/conflicts/check",
                                token,
                                "{\"action\":\"SUPERVISE\",\"actorId\":\"" + UUID.randomUUID() + "\",\"subjectId\":\""
                                        + jordan + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/conflicts/check", token, "{\"action\":\"SUPERVISE\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/conflicts/check",
                                token,
                                "{\"action\":\"SUPERVISE\",\"actorId\":\"x\",\"subjectId\":\"y\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void givesOppositeAnswersUnderOppositePolicies() {
        AgencyId strict = agencyWithPolicy("strict", "BLOCK");
        AgencyId open = agencyWithPolicy("open", "ALLOW");

        assertThat(checkInAgency(strict)).isEqualTo("BLOCK");
        assertThat(checkInAgency(open)).isEqualTo("ALLOW");
    }

    @Test
    void refusesAnInvalidPolicyAndKeepsTheOldOneInForce() {
        AgencyId agency = agencyWithPolicy("keeps", "WARN");
        String privacy = api.token(username(agency, "privacy"), PASSWORD);
        String before = get(privacy, "/api/v1/conflicts/policy");

        HttpResponse<String> refused =
                put(privacy, "/api/v1/conflicts/policy?reason=typo", "rules:\n  - id: x\n    decision: NEVER\n");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"line\":2").contains("'actions' is required");
        assertThat(get(privacy, "/api/v1/conflicts/policy")).isEqualTo(before);
        assertThat(api.get("/api/v1/conflicts/policy/versions", privacy).json()).hasSize(2);
    }

    @Test
    void letsOnlyThePrivacyLeadChangeThePolicy() {
        HttpResponse<String> response =
                put(api.demoToken("admin"), "/api/v1/conflicts/policy?reason=try", Policies.defaultText());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void keepsEveryVersionOfThePolicy() {
        AgencyId agency = agencyWithPolicy("versions", "CONSULT");
        String privacy = api.token(username(agency, "privacy"), PASSWORD);

        assertThat(put(privacy, "/api/v1/conflicts/policy?reason=" + "back%20to%20default", Policies.defaultText())
                        .statusCode())
                .isEqualTo(200);

        JsonNode versions =
                api.get("/api/v1/conflicts/policy/versions", privacy).json();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("reason").asString()).isEqualTo("back to default");
        assertThat(get(privacy, "/api/v1/conflicts/policy/versions/1")).contains("decision: CONSULT");
    }

    // --- two agencies with opposite policies on the same situation (S10)

    static final String PASSWORD = "Policy-test-passphrase-9";

    private AgencyId agencyWithPolicy(String name, String decisionForCare) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        AgencyId agency = directory.createAgency(name + " " + suffix, false);
        LocalDate start = LocalDate.of(2024, 1, 1);
        Person privacy = directory.register(
                agency,
                new PersonDetails("Privacy " + name, null, null, null, null),
                List.of(new AssignRole(Role.PRIVACY_LEAD, null, null, start, null)));
        directory.openAccount(agency, privacy.id(), "privacy-" + suffix, PASSWORD);
        Person clinician = directory.register(
                agency,
                new PersonDetails("Clinician " + name, null, null, null, null),
                List.of(new AssignRole(Role.CLINICIAN, null, null, start, null)));
        Person peer = directory.register(
                agency,
                new PersonDetails("Peer " + name, null, null, null, null),
                List.of(new AssignRole(Role.PEER_WORKER, null, null, start, null)));
        String token = api.token("privacy-" + suffix, PASSWORD);
        Person manager = directory.register(
                agency,
                new PersonDetails("Manager " + name, null, null, null, null),
                List.of(new AssignRole(Role.MANAGER, null, null, start, null)));
        directory.openAccount(agency, manager.id(), "manager-" + suffix, PASSWORD);
        assertThat(api.post(
                                "/api/v1/relationships",
                                api.token("manager-" + suffix, PASSWORD),
                                "{\"kind\":\"TREATS\",\"personAId\":\"" + clinician.id() + "\",\"personBId\":\""
                                        + peer.id() + "\"}")
                        .status())
                .isEqualTo(201);
        String policy = "rules:\n  - id: treating-colleagues\n    actions: [REVIEW_PERFORMANCE]\n    kinds: [TREATS]\n"
                + "    decision: " + decisionForCare + "\n    explanation: Our agency's choice.\n";
        HttpResponse<String> saved = put(token, "/api/v1/conflicts/policy?reason=our%20choice", policy);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return agency;
    }

    private String checkInAgency(AgencyId agency) {
        String token = api.token(username(agency, "privacy"), PASSWORD);
        String clinician = id(agency, "Clinician");
        String peer = id(agency, "Peer");
        return check(token, "REVIEW_PERFORMANCE", clinician, peer)
                .get("decision")
                .asString();
    }

    private String username(AgencyId agency, String prefix) {
        return jdbc.sql("select username from user_account where agency_id = :a and username like :p")
                .param("a", agency.value())
                .param("p", prefix + "-%")
                .query(String.class)
                .single();
    }

    private String id(AgencyId agency, String prefix) {
        return jdbc.sql("select id from person where agency_id = :a and legal_name like :p")
                .param("a", agency.value())
                .param("p", prefix + " %")
                .query(UUID.class)
                .single()
                .toString();
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
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .GET())
                .body();
    }

    private HttpResponse<String> put(String token, String path, String yaml) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
