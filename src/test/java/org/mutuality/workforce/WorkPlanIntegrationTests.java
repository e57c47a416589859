package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work plans and role descriptions through the API. A staff member writes their plan with their
 * supervisor and both sign their parts of the reviews; the privacy lead reads it and writes nothing;
 * administrators, managers who do not supervise the person, colleagues, participants and other
 * agencies meet the same 404 as for a missing person, each refusal audited. A role description is
 * revised by a manager into a new version, which the people holding the role then confirm they read.
 */
@IntegrationTest
class WorkPlanIntegrationTests {

    static final String GOAL = "Co-lead the Tuesday recovery group, then lead it by the autumn.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    Api api;
    String tag;
    Person worker;
    Person supervisor;
    Person colleague;
    Person participant;
    String workerToken;
    String supervisorToken;

    @BeforeEach
    void aPeerWorkerAndTheirSupervisor() {
        api = agency.api();
        tag = TestAgency.tag();
        TestAgency.SupervisedWorker team = agency.supervisedWorker("Wes Worker", tag);
        worker = team.worker();
        supervisor = team.supervisor();
        colleague = team.colleague();
        participant = team.participant();
        workerToken = agency.token(worker);
        supervisorToken = agency.token(supervisor);
    }

    @Test
    void writesThePlanWithTheSupervisorAndBothSignTheirParts() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));
        Api.Response bySupervisor = api.put(
                planOf(worker),
                supervisorToken,
                Api.json(Map.of(
                        "goals",
                        List.of(GOAL, "Finish the boundaries training."),
                        "projects",
                        List.of(Map.of("name", "Welcome walk", "outcome", "A monthly walk")),
                        "version",
                        1)));
        assertThat(bySupervisor.status()).as(bySupervisor.body()).isEqualTo(200);

        assertThat(sign(workerToken, "/api/v1/me/work-plan/sign", "YEAR_END").status())
                .isEqualTo(409);
        assertThat(sign(workerToken, "/api/v1/me/work-plan/sign", "MID_YEAR").status())
                .isEqualTo(200);
        assertThat(sign(supervisorToken, planOf(worker) + "/sign", "MID_YEAR").status())
                .isEqualTo(200);
        assertThat(sign(supervisorToken, planOf(worker) + "/sign", "MID_YEAR").status())
                .isEqualTo(409);

        Api.Response mine = api.get("/api/v1/me/work-plan", workerToken);
        assertThat(mine.json().get("goals").size()).isEqualTo(2);
        assertThat(mine.json().get("projects").get(0).get("name").asString()).isEqualTo("Welcome walk");
        assertThat(mine.json().get("signatures").size()).isEqualTo(2);
        assertThat(mine.json().get("midYearComplete").asBoolean()).isTrue();
    }

    @Test
    void refusesAWriteOverAChangeMadeMeanwhile() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));

        Api.Response stale =
                api.put(planOf(worker), supervisorToken, Api.json(Map.of("goals", List.of("Other"), "version", 0)));
        Api.Response staleOwn =
                api.put("/api/v1/me/work-plan", workerToken, Api.json(Map.of("goals", List.of("Other"), "version", 0)));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(staleOwn.status()).isEqualTo(409);
    }

    @Test
    void letsThePrivacyLeadReadButNotWrite() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));
        String privacy = agency.demoToken("privacy");

        assertThat(api.get(planOf(worker), privacy).body()).contains(GOAL);
        assertThat(api.put(planOf(worker), privacy, Api.json(Map.of("goals", List.of("Mine now"))))
                        .status())
                .isEqualTo(403);
        assertThat(sign(privacy, planOf(worker) + "/sign", "MID_YEAR").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager"})
    void sealsThePlanFromAdministratorsAndManagersWhoDoNotSupervise(String demoUser) {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));

        assertHiddenFrom(demoPerson(demoUser), agency.demoToken(demoUser));
    }

    @Test
    void sealsThePlanFromAColleague() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));

        assertHiddenFrom(colleague.id(), agency.token(colleague));
    }

    @Test
    void sealsThePlanFromAParticipant() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));

        assertHiddenFrom(participant.id(), agency.token(participant));
    }

    @Test
    void sealsThePlanFromAnotherAgency() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));
        String token = WellnessPlanIntegrationTests.otherAgencyAdministrator(directory, agency);

        Api.Response hidden = api.get(planOf(worker), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/work-plan", token);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
    }

    @Test
    void refusesAColleagueAWriteAsMissing() {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));
        long before = agency.rows("work_plan_goal");

        Api.Response r =
                api.put(planOf(worker), agency.token(colleague), Api.json(Map.of("goals", List.of("Hijacked"))));

        assertThat(r.status()).isEqualTo(404);
        assertThat(agency.rows("work_plan_goal")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"goals\":\"one goal\"}",
                "{\"goals\":[\"  \"]}",
                "{\"goals\":[\"fine\"],\"projects\":[{\"name\":\"\"}]}",
                "{\"goals\":[\"fine\"],\"year\":1800}",
                "{\"goals\":[\"fine\",\"bad \\u202e char\"]}"
            })
    void refusesABadBodyAndKeepsNothing(String body) {
        plan(workerToken, "/api/v1/me/work-plan", List.of(GOAL));
        long before = agency.rows("work_plan_goal");

        Api.Response r = api.put("/api/v1/me/work-plan", workerToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(agency.rows("work_plan_goal")).isEqualTo(before);
        assertThat(api.get("/api/v1/me/work-plan", workerToken).body()).contains(GOAL);
    }

    @Test
    void refusesAParticipantAWorkPlan() {
        assertThat(api.get("/api/v1/me/work-plan", agency.token(participant)).status())
                .isEqualTo(403);
    }

    @Test
    void revisesARoleDescriptionThatHoldersThenConfirm() {
        Api.Response shipped = api.get("/api/v1/roles/VOLUNTEER_PEER/description", workerToken);
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("takesPartInInvoluntaryInterventions").asBoolean())
                .isFalse();
        Api.Response mine = api.get("/api/v1/me/role-descriptions", workerToken);
        int inForce = mine.json().get(0).get("currentVersion").asInt();
        assertThat(mine.json().get(0).get("read").asBoolean()).isFalse();

        Api.Response read =
                api.post("/api/v1/me/role-descriptions/PEER_WORKER/read", workerToken, "{\"version\":" + inForce + "}");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();

        assertThat(api.put(
                                "/api/v1/roles/PEER_WORKER/description",
                                workerToken,
                                "{\"text\":{\"en\":\"Mine\",\"fr\":\"À moi\"}}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesAReadingOfAVersionNotInForceOrARoleNotHeld() {
        assertThat(api.post("/api/v1/me/role-descriptions/PEER_WORKER/read", workerToken, "{\"version\":999}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/me/role-descriptions/MANAGER/read", workerToken, "{\"version\":1}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/me/role-descriptions/NOT_A_ROLE/read", workerToken, "{\"version\":1}")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/roles/PARTICIPANT/description", workerToken).status())
                .isEqualTo(404);
    }

    private void plan(String token, String path, List<String> goals) {
        Api.Response r = api.put(path, token, Api.json(Map.of("goals", goals)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private Api.Response sign(String token, String path, String stage) {
        return api.post(path, token, Api.json(Map.of("stage", stage, "text", "Signed for " + stage)));
    }

    private void assertHiddenFrom(PersonId reader, String token) {
        long before = agency.refusals(reader);
        Api.Response hidden = api.get(planOf(worker), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/work-plan", token);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
        assertThat(hidden.body()).doesNotContain(GOAL);
        assertThat(agency.refusals(reader)).isEqualTo(before + 1);
    }

    static String planOf(Person person) {
        return "/api/v1/people/" + person.id().value() + "/work-plan";
    }

    private PersonId demoPerson(String username) {
        return new PersonId(jdbc.sql("select person_id from user_account where username = :u")
                .param("u", username)
                .query(UUID.class)
                .single());
    }

    static String masked(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
    }
}
