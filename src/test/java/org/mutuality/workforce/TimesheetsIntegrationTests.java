package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
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
    void sendsThePeersNewHoursToTheSupervisorAndSaysWhyNotToThePsychiatristWhoTreatsHim() {
        String peer = api.demoToken("peer");
        String sam = agency.demoPerson("Samuel Okafor").value().toString();
        int samWasTold = agency.notices(agency.demoPerson("Samuel Okafor"), "TIMESHEET_WAITING");

        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                peer,
                "{\"date\":\"" + agency.today().minusDays(1) + "\",\"hours\":3.5,\"activity\":\"Drop-in\"}");

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("approverId").asString()).isEqualTo(sam);
        JsonNode route = api.get("/api/v1/timesheets/route", peer).json();
        assertThat(route.get("approverId").asString()).isEqualTo(sam);
        assertThat(route.get("passedOverId").asString()).isEqualTo(helene());
        assertThat(route.get("reasons").get(0).asString()).contains("care relationship");
        assertThat(agency.notices(agency.demoPerson("Samuel Okafor"), "TIMESHEET_WAITING"))
                .isEqualTo(samWasTold + 1);
    }

    @Test
    void aColleagueLearnsNothingOfAnotherWorkersRoute() {
        // Marc's route is his own: nothing in it names Jordan's care relationship.
        JsonNode route =
                api.get("/api/v1/timesheets/route", api.demoToken("peer2")).json();
        assertThat(route.toString()).doesNotContain(helene()).doesNotContain("care relationship");
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

    @Test
    void handsAllOfAWorkersWaitingHoursOverInOneStepAndTellsEveryone() {
        String tag = TestAgency.tag();
        Person wes = agency.person("Wes Worker " + tag)
                .role(Role.PEER_WORKER)
                .account("wes-" + tag)
                .create();
        Person kai = agency.person("Kai Other " + tag)
                .role(Role.PEER_WORKER)
                .account("kai-" + tag)
                .create();
        Person ada = agency.person("Ada Approver " + tag)
                .role(Role.SUPERVISOR)
                .account("ada-" + tag)
                .create();
        Person bo = agency.person("Bo Backup " + tag)
                .role(Role.SUPERVISOR)
                .account("bo-" + tag)
                .create();
        String manager = api.demoToken("manager");
        agency.relate(manager, "APPROVES_TIME", ada.id(), wes.id());
        agency.relate(manager, "APPROVES_TIME", ada.id(), kai.id());
        String first = agency.hoursWaitingFor(agency.token(wes), ada.id(), "2", "Outreach");
        String second = agency.hoursWaitingFor(agency.token(wes), ada.id(), "1", "Notes");
        String kais = agency.hoursWaitingFor(agency.token(kai), ada.id(), "3", "Group");
        assertThat(agency.notices(ada.id(), "TIMESHEET_WAITING")).isEqualTo(3);

        Api.Response handed = api.post(
                "/api/v1/timesheets/" + first + "/hand-over",
                agency.token(ada),
                "{\"approverId\":\"" + bo.id().value() + "\",\"allOfWorker\":true}");

        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        String boToken = agency.token(bo);
        for (String entry : new String[] {first, second}) {
            assertThat(api.get("/api/v1/timesheets/" + entry, boToken)
                            .json()
                            .get("approverId")
                            .asString())
                    .isEqualTo(bo.id().value().toString());
        }
        assertThat(api.get("/api/v1/timesheets/" + kais, agency.token(ada))
                        .json()
                        .get("approverId")
                        .asString())
                .as("another worker's hours stay")
                .isEqualTo(ada.id().value().toString());
        assertThat(agency.notices(bo.id(), "TIMESHEET_HANDED_TO_YOU")).isEqualTo(2);
        assertThat(agency.notices(wes.id(), "TIMESHEET_HANDED_OVER")).isEqualTo(2);

        assertThat(api.post("/api/v1/timesheets/" + first + "/approve", boToken, "{}")
                        .status())
                .isEqualTo(200);
        assertThat(agency.notices(wes.id(), "TIMESHEET_APPROVED")).isEqualTo(1);
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

    /** Jordan's hours, standing with Hélène, as hours recorded before the routing did (S1). */
    private String recordAsPeer() {
        return agency.hoursWaitingFor(
                api.demoToken("peer"),
                new org.mutuality.directory.PersonId(java.util.UUID.fromString(helene())),
                "2",
                "Notes");
    }
}
