package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

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

/** S1: the psychiatrist cannot approve the hours of the peer worker she treats; the supervisor can. */
@IntegrationTest
class TimesheetsIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.mutuality.test.TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void routesTheApprovalOfATreatedColleaguesHoursToTheSupervisor() {
        String peer = api.demoToken("peer");
        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                peer,
                "{\"date\":\"" + agency.today().minusDays(1) + "\",\"hours\":3.5,\"activity\":\"Drop-in\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String entry = recorded.json().get("id").asString();
        assertThat(recorded.json().get("approverId").asString()).isEqualTo(Demo.personId(jdbc, "Hélène Tremblay"));

        String psychiatrist = api.demoToken("psychiatrist");
        Api.Response refused = api.post("/api/v1/timesheets/" + entry + "/approve", psychiatrist, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("entry").get("status").asString()).isEqualTo("SUBMITTED");
        String sam = Demo.personId(jdbc, "Samuel Okafor");
        assertThat(refused.json().get("alternatives").get(0).get("personId").asString())
                .isEqualTo(sam);

        Api.Response handed = api.post(
                "/api/v1/timesheets/" + entry + "/hand-over", psychiatrist, "{\"approverId\":\"" + sam + "\"}");
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);

        Api.Response approved = api.post("/api/v1/timesheets/" + entry + "/approve", api.demoToken("supervisor"), "{}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("entry").get("status").asString()).isEqualTo("APPROVED");

        JsonNode decisions =
                api.get("/api/v1/timesheets/" + entry + "/decisions", peer).json();
        assertThat(decisions.findValuesAsString("outcome"))
                .containsExactly("REFUSED_BY_POLICY", "HANDED_OVER", "APPROVED");
    }

    @Test
    void refusesToHandHoursToSomeoneWithAConflictOrWithoutTheRole() {
        String entry = recordAsPeer();
        String psychiatrist = api.demoToken("psychiatrist");

        assertThat(api.post(
                                "/api/v1/timesheets/" + entry + "/hand-over",
                                psychiatrist,
                                "{\"approverId\":\"" + Demo.personId(jdbc, "Emma Wilson") + "\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/timesheets/" + entry, psychiatrist)
                        .json()
                        .get("approverId")
                        .asString())
                .isEqualTo(Demo.personId(jdbc, "Hélène Tremblay"));
    }

    @Test
    void letsOnlyTheApproverApprove() {
        String entry = recordAsPeer();

        assertThat(api.post("/api/v1/timesheets/" + entry + "/approve", api.demoToken("supervisor"), "{}")
                        .status())
                .isIn(403, 404);
        assertThat(api.post("/api/v1/timesheets/" + entry + "/approve", api.demoToken("peer2"), "{}")
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"date\":\"%s\",\"hours\":0,\"activity\":\"x\"}",
                "{\"date\":\"%s\",\"hours\":25,\"activity\":\"x\"}",
                "{\"date\":\"%s\",\"hours\":1.1,\"activity\":\"x\"}",
                "{\"date\":\"%s\",\"hours\":\"three\",\"activity\":\"x\"}",
                "{\"date\":\"%s\",\"hours\":2,\"activity\":\"\"}",
                "{\"date\":\"2999-01-01\",\"hours\":2,\"activity\":\"future\"}",
                "{\"date\":\"2001-01-01\",\"hours\":2,\"activity\":\"long ago\"}",
                "{\"hours\":2,\"activity\":\"no date\"}",
                "{\"date\":\"%s\",\"hours\":2}",
                "[1,2]"
            })
    void refusesBadHoursAndRecordsNothing(String template) {
        String peer = api.demoToken("peer2");
        int before = api.get("/api/v1/timesheets", peer).json().size();

        Api.Response response = api.post("/api/v1/timesheets", peer, template.formatted(agency.today()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/timesheets", peer).json().size()).isEqualTo(before);
    }

    private String recordAsPeer() {
        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                api.demoToken("peer"),
                "{\"date\":\"" + agency.today().minusDays(2) + "\",\"hours\":2,\"activity\":\"Notes\"}");
        assertThat(recorded.status()).isEqualTo(201);
        return recorded.json().get("id").asString();
    }
}
