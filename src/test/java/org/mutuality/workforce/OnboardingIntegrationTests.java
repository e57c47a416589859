package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.JsonNode;

/**
 * Onboarding plans through the API. A supervisor starts a new staff member's plan from the template;
 * the person ticks the steps they own and no other; the supervisor ticks any, adds steps, gives one to
 * a colleague, holds check-ins and closes the plan once every step is done. The privacy lead reads it
 * and writes nothing; administrators, managers who do not supervise the person, colleagues (even the
 * owner of a step), participants and other agencies meet the same 404 as for a missing person, each
 * refusal audited. A supervisor of the person's family is stopped by the conflict check.
 */
@IntegrationTest
class OnboardingIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    Api api;
    String tag;
    Person newcomer;
    Person supervisor;
    Person colleague;
    Person participant;
    String newcomerToken;
    String supervisorToken;

    @BeforeEach
    void aNewPeerWorkerAndTheirSupervisor() {
        api = agency.api();
        tag = TestAgency.tag();
        TestAgency.SupervisedWorker team = agency.supervisedWorker("Nia Newcomer", tag);
        newcomer = team.worker();
        supervisor = team.supervisor();
        colleague = team.colleague();
        participant = team.participant();
        newcomerToken = agency.token(newcomer);
        supervisorToken = agency.token(supervisor);
    }

    @Test
    void theSupervisorStartsThePlanAndBothSeeItsProgress() {
        assertThat(api.get("/api/v1/me/onboarding", newcomerToken).status()).isEqualTo(404);

        JsonNode plan = start(LocalDate.now(clock).minusDays(37));

        assertThat(plan.get("week").asInt()).isEqualTo(6);
        assertThat(plan.get("steps").size()).isEqualTo(7);
        assertThat(api.post(planOf(newcomer), supervisorToken, "{}").status()).isEqualTo(409);
        JsonNode mine = api.get("/api/v1/me/onboarding", newcomerToken).json();
        assertThat(mine.get("steps").size()).isEqualTo(7);
        JsonNode supervising = api.get("/api/v1/onboarding", supervisorToken).json();
        assertThat(supervising.size()).isEqualTo(1);
        assertThat(supervising.get(0).get("personId").asString())
                .isEqualTo(newcomer.id().value().toString());
        assertThat(supervising.get(0).get("week").asInt()).isEqualTo(6);
        assertThat(supervising.get(0).get("next").get("kind").asString()).isEqualTo("MEET_THE_TEAM");
        JsonNode trainings = step(plan, "REQUIRED_TRAININGS");
        assertThat(trainings.get("late").asBoolean()).isTrue();
    }

    @Test
    void thePersonTicksOnlyTheStepsTheyOwn() {
        JsonNode plan = start(null);
        int code = step(plan, "READ_AND_ATTEST_THE_CODE").get("number").asInt();
        int team = step(plan, "MEET_THE_TEAM").get("number").asInt();

        Api.Response ticked = tick(newcomerToken, "/api/v1/me/onboarding", List.of(code), 1);
        assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
        assertThat(step(ticked.json(), "READ_AND_ATTEST_THE_CODE").get("doneOn").asString())
                .isEqualTo(LocalDate.now(clock).toString());

        Api.Response notMine = tick(newcomerToken, "/api/v1/me/onboarding", List.of(code, team), null);
        assertThat(notMine.status()).isEqualTo(403);
        Api.Response bySupervisor = tick(supervisorToken, planOf(newcomer), List.of(code, team), 2);
        assertThat(bySupervisor.status()).as(bySupervisor.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/onboarding", newcomerToken)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(3);
        assertThat(tick(newcomerToken, "/api/v1/me/onboarding", List.of(code), 2)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theSupervisorAddsAStepGivesOneToAColleagueAndHoldsCheckIns() {
        JsonNode plan = start(LocalDate.now(clock).minusDays(20));
        int shadow = step(plan, "SHADOW_A_PEER_WORKER").get("number").asInt();

        Api.Response added = api.post(
                planOf(newcomer) + "/steps",
                supervisorToken,
                Api.json(Map.of("title", "Visit the drop-in centre", "week", 2)));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("steps").size()).isEqualTo(8);

        Api.Response given = api.put(
                planOf(newcomer) + "/owners",
                supervisorToken,
                Api.json(Map.of("step", shadow, "ownerId", colleague.id().value())));
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(step(given.json(), "SHADOW_A_PEER_WORKER").get("ownerId").asString())
                .isEqualTo(colleague.id().value().toString());
        assertThat(api.put(
                                planOf(newcomer) + "/owners",
                                supervisorToken,
                                Api.json(Map.of(
                                        "step",
                                        shadow,
                                        "ownerId",
                                        participant.id().value())))
                        .status())
                .isEqualTo(400);

        Api.Response held = api.post(
                planOf(newcomer) + "/check-ins",
                supervisorToken,
                Api.json(Map.of("date", LocalDate.now(clock).minusDays(6).toString(), "note", "Settling in well.")));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("checkIns").get(0).get("note").asString()).isEqualTo("Settling in well.");
        assertThat(api.post(
                                planOf(newcomer) + "/check-ins",
                                supervisorToken,
                                Api.json(Map.of(
                                        "date", LocalDate.now(clock).plusDays(1).toString(), "note", "Later")))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void closesOnlyOnceEveryStepIsDone() {
        JsonNode plan = start(LocalDate.now(clock).minusDays(95));
        assertThat(api.post(planOf(newcomer) + "/close", supervisorToken, "{}").status())
                .isEqualTo(409);
        List<Integer> all = numbers(plan);

        assertThat(tick(supervisorToken, planOf(newcomer), all, null).status()).isEqualTo(200);
        Api.Response closed = api.post(planOf(newcomer) + "/close", supervisorToken, "{}");

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("closedOn").asString())
                .isEqualTo(LocalDate.now(clock).toString());
        assertThat(tick(supervisorToken, planOf(newcomer), List.of(), null).status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/onboarding", supervisorToken).json().size()).isZero();
    }

    @Test
    void aSupervisorInTheFamilyOfThePersonIsStoppedAtTheCheckInAndTheReview() {
        JsonNode plan = start(LocalDate.now(clock).minusDays(91));
        agency.relate(agency.demoToken("privacy"), "FAMILY", supervisor.id(), newcomer.id());
        long before = agency.rows("onboarding_check_in");

        Api.Response checkIn = api.post(
                planOf(newcomer) + "/check-ins",
                supervisorToken,
                Api.json(Map.of("date", LocalDate.now(clock).toString(), "note", "A check-in", "acknowledge", true)));
        Api.Response review = tick(
                supervisorToken,
                planOf(newcomer),
                List.of(step(plan, "REVIEW_AT_90_DAYS").get("number").asInt()),
                null);

        assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(409);
        assertThat(review.status()).as(review.body()).isEqualTo(409);
        assertThat(agency.rows("onboarding_check_in")).isEqualTo(before);
        assertThat(step(api.get(planOf(newcomer), supervisorToken).json(), "REVIEW_AT_90_DAYS")
                        .get("doneOn")
                        .isNull())
                .isTrue();
    }

    @Test
    void letsThePrivacyLeadReadButNotWrite() {
        start(null);
        String privacy = agency.demoToken("privacy");

        assertThat(api.get(planOf(newcomer), privacy).status()).isEqualTo(200);
        assertThat(tick(privacy, planOf(newcomer), List.of(1), null).status()).isEqualTo(403);
        assertThat(api.post(planOf(newcomer) + "/close", privacy, "{}").status())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "manager"})
    void sealsThePlanFromAdministratorsAndManagersWhoDoNotSupervise(String demoUser) {
        start(null);

        assertHiddenFrom(demoPerson(demoUser), agency.demoToken(demoUser));
    }

    @Test
    void sealsThePlanFromAColleagueEvenTheOwnerOfAStep() {
        JsonNode plan = start(null);
        api.put(
                planOf(newcomer) + "/owners",
                supervisorToken,
                Api.json(Map.of(
                        "step", step(plan, "SHADOW_A_PEER_WORKER").get("number").asInt(),
                        "ownerId", colleague.id().value())));

        assertHiddenFrom(colleague.id(), agency.token(colleague));
    }

    @Test
    void sealsThePlanFromAParticipantAndRefusesThemOneOfTheirOwn() {
        start(null);

        assertHiddenFrom(participant.id(), agency.token(participant));
        assertThat(api.get("/api/v1/me/onboarding", agency.token(participant)).status())
                .isEqualTo(403);
    }

    @Test
    void sealsThePlanFromAnotherAgency() {
        start(null);
        String token = WellnessPlanIntegrationTests.otherAgencyAdministrator(directory, agency);

        Api.Response hidden = api.get(planOf(newcomer), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/onboarding", token);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(WorkPlanIntegrationTests.masked(hidden.body()))
                .isEqualTo(WorkPlanIntegrationTests.masked(missing.body()));
    }

    @Test
    void nobodyStartsTheirOwnPlanNorAPlanForSomeoneTheyDoNotSupervise() {
        assertThat(api.post("/api/v1/people/" + supervisor.id().value() + "/onboarding", supervisorToken, "{}")
                        .status())
                .isEqualTo(403);
        Api.Response byColleague = api.post(planOf(newcomer), agency.token(colleague), "{}");
        assertThat(byColleague.status()).isEqualTo(404);
        assertThat(plansOf(newcomer)).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"done\":\"all\"}",
                "{\"done\":[null]}",
                "{\"done\":[99]}",
                "{\"done\":[1],\"version\":\"x\"}"
            })
    void refusesABadTickAndKeepsNothing(String body) {
        start(null);

        Api.Response r = api.put(planOf(newcomer), supervisorToken, body);

        assertThat(r.status()).as(r.body()).isIn(400, 404);
        assertThat(numbersDone(api.get(planOf(newcomer), supervisorToken).json()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"title\":\"\",\"week\":2}",
                "{\"title\":\"A step\",\"week\":0}",
                "{\"title\":\"A step\",\"week\":40}",
                "{\"title\":\"A step\",\"week\":\"two\"}",
                "{\"title\":\"A\\tstep\",\"week\":2}",
                "{\"title\":123,\"week\":2}",
                "{\"week\":2}"
            })
    void refusesABadStepAndKeepsNothing(String body) {
        start(null);

        Api.Response r = api.post(planOf(newcomer) + "/steps", supervisorToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(api.get(planOf(newcomer), supervisorToken)
                        .json()
                        .get("steps")
                        .size())
                .isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"startedOn\":\"2026-12-01T00:00:00\"}", "{\"startedOn\":\"1/12/2026\"}"})
    void refusesAFirstDayThatIsNotADate(String body) {
        Api.Response r = api.post(planOf(newcomer), supervisorToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("must be a date such as 2025-03-14");
        assertThat(plansOf(newcomer)).isZero();
    }

    private JsonNode start(@Nullable LocalDate first) {
        Api.Response r = api.post(
                planOf(newcomer),
                supervisorToken,
                first == null ? "{}" : Api.json(Map.of("startedOn", first.toString())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response tick(String token, String path, List<Integer> done, @Nullable Integer version) {
        return api.put(
                path,
                token,
                version == null ? Api.json(Map.of("done", done)) : Api.json(Map.of("done", done, "version", version)));
    }

    private static JsonNode step(JsonNode plan, String kind) {
        for (JsonNode s : plan.get("steps")) {
            if (s.get("kind").asString().equals(kind)) {
                return s;
            }
        }
        throw new AssertionError("no step " + kind + " in " + plan);
    }

    private static List<Integer> numbers(JsonNode plan) {
        List<Integer> numbers = new java.util.ArrayList<>();
        plan.get("steps").forEach(s -> numbers.add(s.get("number").asInt()));
        return numbers;
    }

    private static List<Integer> numbersDone(JsonNode plan) {
        List<Integer> numbers = new java.util.ArrayList<>();
        plan.get("steps").forEach(s -> {
            if (!s.get("doneOn").isNull()) {
                numbers.add(s.get("number").asInt());
            }
        });
        return numbers;
    }

    private long plansOf(Person person) {
        return jdbc.sql("select count(*) from onboarding_plan where person_id = :p")
                .param("p", person.id().value())
                .query(Long.class)
                .single();
    }

    private void assertHiddenFrom(PersonId reader, String token) {
        long before = agency.refusals(reader);
        Api.Response hidden = api.get(planOf(newcomer), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/onboarding", token);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(WorkPlanIntegrationTests.masked(hidden.body()))
                .isEqualTo(WorkPlanIntegrationTests.masked(missing.body()));
        assertThat(hidden.body()).doesNotContain("MEET_THE_TEAM");
        assertThat(agency.refusals(reader)).isEqualTo(before + 1);
    }

    private PersonId demoPerson(String username) {
        return new PersonId(jdbc.sql("select person_id from user_account where username = :u")
                .param("u", username)
                .query(UUID.class)
                .single());
    }

    static String planOf(Person person) {
        return "/api/v1/people/" + person.id().value() + "/onboarding";
    }
}
