package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** S1: the psychiatrist cannot approve the hours of the peer worker she treats; the supervisor can. */
@IntegrationTest
class TimesheetsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @Test
    void sendsThePeersHoursToThePsychiatristWhoApprovesThem() {
        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                api.demoToken("peer"),
                "{\"date\":\"" + agency.today().minusDays(1) + "\",\"hours\":3.5,\"activity\":\"Drop-in\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("approverId").asString()).isEqualTo(helene());
    }

    @Test
    void blocksThePsychiatristFromApprovingTheHoursOfThePeerSheTreatsAndOffersTheSupervisor() {
        String entry = recordAsPeer();

        Api.Response refused = approve(entry, "psychiatrist");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("entry").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(refused.json().get("alternatives").get(0).get("personId").asString())
                .isEqualTo(sam());
    }

    @Test
    void letsTheSupervisorApproveTheHoursThePsychiatristHandsHim() {
        String entry = handedFromThePsychiatristToTheSupervisor();

        Api.Response approved = approve(entry, "supervisor");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("entry").get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void keepsEveryDecisionOnTheEntrysRecord() {
        String entry = handedFromThePsychiatristToTheSupervisor();
        approve(entry, "supervisor");

        JsonNode decisions = api.get("/api/v1/timesheets/" + entry + "/decisions", api.demoToken("peer"))
                .json();

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
                .isEqualTo(helene());
    }

    /** Neither sees the entry, so it reads to them as missing. */
    @ParameterizedTest
    @ValueSource(strings = {"supervisor", "peer2"})
    void answersNotFoundToAnyoneButTheApproverTryingToApprove(String caller) {
        String entry = recordAsPeer();

        assertThat(approve(entry, caller).status()).isEqualTo(404);
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

    private String handedFromThePsychiatristToTheSupervisor() {
        String entry = recordAsPeer();
        assertThat(approve(entry, "psychiatrist").status()).isEqualTo(409);
        Api.Response handed = api.post(
                "/api/v1/timesheets/" + entry + "/hand-over",
                api.demoToken("psychiatrist"),
                "{\"approverId\":\"" + sam() + "\"}");
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        return entry;
    }

    private Api.Response approve(String entry, String caller) {
        return api.post("/api/v1/timesheets/" + entry + "/approve", api.demoToken(caller), "{}");
    }

    private String helene() {
        return Demo.personId(jdbc, "Hélène Tremblay");
    }

    private String sam() {
        return Demo.personId(jdbc, "Samuel Okafor");
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
