package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class RelationshipsApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void letsAPeerDeclareAndEndTheirOwnRelationshipKeepingItsHistory() {
        String peer = api.demoToken("peer");
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        String emma = Demo.personId(jdbc, "Emma Wilson");

        Api.Response declared = api.post(
                "/api/v1/relationships",
                peer,
                "{\"kind\":\"SOCIAL_MEDIA\",\"personAId\":\"" + jordan + "\",\"personBId\":\"" + emma
                        + "\",\"startDate\":\"2025-02-01\",\"note\":\"We follow each other\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String id = declared.json().get("id").asString();
        assertThat(declared.json().get("visibility").asString()).isEqualTo("PARTIES");

        Api.Response ended = api.post("/api/v1/relationships/" + id + "/end", peer, "{\"endDate\":\"2026-01-31\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("endDate").asString()).isEqualTo("2026-01-31");
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

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"kind\":\"ENEMY\",\"personAId\":\"%1$s\",\"personBId\":\"%2$s\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%1$s\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"not-a-uuid\",\"personBId\":\"%2$s\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%2$s\",\"startDate\":\"2025-13-40\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%2$s\",\"startDate\":\"2025-05-01\",\"endDate\":\"2025-01-01\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%3$s\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%2$s\",\"visibility\":\"EVERYONE\"}",
                "{\"kind\":\"FRIEND\",\"personAId\":\"%1$s\",\"personBId\":\"%2$s\",\"note\":\"%4$s\"}",
                "not json"
            })
    void refusesBadRelationshipBodiesAndChangesNothing(String template) {
        String body = template.formatted(
                Demo.personId(jdbc, "Jordan Lee"),
                Demo.personId(jdbc, "Emma Wilson"),
                UUID.randomUUID(),
                "x".repeat(1001));
        long before = count();

        Api.Response response = api.post("/api/v1/relationships", api.demoToken("peer"), body);

        assertThat(response.status()).isIn(400, 404);
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

    private java.util.List<String> kinds(String token, String person) {
        return api.get("/api/v1/people/" + person + "/relationships", token)
                .json()
                .findValuesAsString("kind");
    }

    private long count() {
        return jdbc.sql("select count(*) from relationship").query(Long.class).single();
    }
}
