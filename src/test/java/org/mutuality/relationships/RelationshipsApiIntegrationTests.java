package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
class RelationshipsApiIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAgency agency;

    Api api;
    String peer;
    String jordan;

    @BeforeEach
    void setUp() {
        api = agency.api();
        peer = agency.demoToken("peer");
        jordan = agency.demoPerson("Jordan Lee").toString();
    }

    @Test
    void letsAPeerDeclareTheirOwnRelationshipForTheTwoOfThemOnly() {
        Api.Response declared = declareSocialMedia();

        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.json().get("visibility").asString()).isEqualTo("PARTIES");
    }

    @Test
    void letsAPeerEndTheirOwnRelationship() {
        String id = declareSocialMedia().json().get("id").asString();

        Api.Response ended = api.post("/api/v1/relationships/" + id + "/end", peer, "{\"endDate\":\"2026-01-31\"}");

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("endDate").asString()).isEqualTo("2026-01-31");
    }

    @Test
    void keepsAnEndedRelationshipInThePersonsHistory() {
        String id = declareSocialMedia().json().get("id").asString();
        api.post("/api/v1/relationships/" + id + "/end", peer, "{\"endDate\":\"2026-01-31\"}");

        JsonNode mine =
                api.get("/api/v1/people/" + jordan + "/relationships", peer).json();

        assertThat(mine.findValuesAsString("id")).contains(id);
    }

    @Test
    void showsAPersonalRelationshipOnlyToTheTwoTheDeclarerAndThePrivacyLead() {
        String louise = Demo.personId(jdbc, "Louise Bernard");

        assertThat(kinds(api.demoToken("peer2"), louise)).contains("FRIEND");
        assertThat(kinds(api.demoToken("privacy"), louise)).contains("FRIEND");
        assertThat(kinds(api.demoToken("supervisor"), louise)).doesNotContain("FRIEND");
        assertThat(kinds(api.demoToken("admin"), louise)).doesNotContain("FRIEND");
    }

    @Test
    void endsAnAssignmentTodayOrLaterNeverInThePast() {
        String tag = TestAgency.tag();
        org.mutuality.directory.Person supervisor = agency.person("Sage Supervisor " + tag)
                .role(org.mutuality.directory.Role.SUPERVISOR)
                .create();
        org.mutuality.directory.Person worker = agency.person("Wynn Worker " + tag)
                .role(org.mutuality.directory.Role.PEER_WORKER)
                .create();
        String manager = api.demoToken("manager");
        String supervision = agency.relate(manager, "SUPERVISES", supervisor.id(), worker.id());

        Api.Response backdated = api.post(
                "/api/v1/relationships/" + supervision + "/end",
                manager,
                "{\"endDate\":\"" + agency.today().minusDays(30) + "\"}");
        assertThat(backdated.status()).isEqualTo(400);
        assertThat(backdated.body()).contains("An assignment ends today or later");

        Api.Response today = api.post("/api/v1/relationships/" + supervision + "/end", manager, "{}");
        assertThat(today.status()).as(today.body()).isEqualTo(200);
        assertThat(today.json().get("endDate").asString())
                .isEqualTo(agency.today().toString());
    }

    @Test
    void refusesToRecordASupervisionThePolicyBlocks() {
        String manager = api.demoToken("manager");
        long before = count();

        Api.Response refused = api.post(
                "/api/v1/relationships",
                manager,
                "{\"kind\":\"SUPERVISES\",\"personAId\":\"" + Demo.personId(jdbc, "Hélène Tremblay")
                        + "\",\"personBId\":\"" + Demo.personId(jdbc, "Jordan Lee") + "\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("alternatives").findValuesAsString("name"))
                .contains("Sam Okafor");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesToLetAPeerRecordOversightOrOtherPeoplesRelationships() {
        String peer = api.demoToken("peer");
        long before = count();

        assertThat(api.post(
                                "/api/v1/relationships",
                                peer,
                                "{\"kind\":\"SUPERVISES\",\"personAId\":\"" + Demo.personId(jdbc, "Jordan Lee")
                                        + "\",\"personBId\":\"" + Demo.personId(jdbc, "Emma Wilson") + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/relationships",
                                peer,
                                "{\"kind\":\"FRIEND\",\"personAId\":\"" + Demo.personId(jdbc, "Emma Wilson")
                                        + "\",\"personBId\":\"" + Demo.personId(jdbc, "Noah Martin") + "\"}")
                        .status())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    /** A body and the status it gets: 404 only for a person who does not exist. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                400 | {}
                400 | {"kind":"ENEMY","personAId":"%1$s","personBId":"%2$s"}
                400 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%1$s"}
                400 | {"kind":"FRIEND","personAId":"%1$s"}
                400 | {"kind":"FRIEND","personAId":"not-a-uuid","personBId":"%2$s"}
                400 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%2$s","startDate":"2025-13-40"}
                400 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%2$s","startDate":"2025-05-01","endDate":"2025-01-01"}
                404 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%3$s"}
                400 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%2$s","visibility":"EVERYONE"}
                400 | {"kind":"FRIEND","personAId":"%1$s","personBId":"%2$s","note":"%4$s"}
                400 | not json
                """)
    void refusesBadRelationshipBodiesAndChangesNothing(int status, String template) {
        String body = template.formatted(
                Demo.personId(jdbc, "Jordan Lee"),
                Demo.personId(jdbc, "Emma Wilson"),
                UUID.randomUUID(),
                "x".repeat(1001));
        long before = count();

        Api.Response response = api.post("/api/v1/relationships", api.demoToken("peer"), body);

        assertThat(response.status()).as(body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForARelationshipTheCallerMayNotSee() {
        String friendship = jdbc.sql(
                        "select id from relationship where kind = 'FRIEND' and note like 'Friends since school%'")
                .query(UUID.class)
                .single()
                .toString();

        assertThat(api.get("/api/v1/relationships/" + friendship, api.demoToken("supervisor"))
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/relationships/" + friendship + "/end", api.demoToken("supervisor"), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/relationships/" + friendship, api.demoToken("peer2"))
                        .status())
                .isEqualTo(200);
    }

    /** Jordan, the demo peer worker, declares that he and a new participant follow each other. */
    private Api.Response declareSocialMedia() {
        Person other = agency.person("Eli Elsewhere " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .create();
        return api.post(
                "/api/v1/relationships",
                peer,
                "{\"kind\":\"SOCIAL_MEDIA\",\"personAId\":\"" + jordan + "\",\"personBId\":\"" + other.id()
                        + "\",\"startDate\":\"2025-02-01\",\"note\":\"We follow each other\"}");
    }

    private java.util.List<String> kinds(String token, String person) {
        return api.get("/api/v1/people/" + person + "/relationships", token)
                .json()
                .findValuesAsString("kind");
    }

    private long count() {
        return jdbc.sql("select count(*) from relationship").query(Long.class).single();
    }
}
