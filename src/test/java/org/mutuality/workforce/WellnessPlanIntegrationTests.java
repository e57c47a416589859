package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A staff member's wellness plan through the API: they write it and share one section with their
 * supervisor, who reads that section only, and nothing once it is unshared; administrators, the
 * privacy lead, managers, colleagues, participants and other agencies meet the same 404 as for a
 * missing person, and each refusal is audited; a manager reads an accommodation request only once it
 * is sent, and that request alone; no audit entry holds a word of it.
 */
@IntegrationTest
class WellnessPlanIntegrationTests {

    static final String KEEPS = "Walking by the river at lunch keeps me steady.";
    static final String SIGNS = "I stop answering messages and skip lunch.";
    static final String REQUEST = "A quiet room for writing notes on Tuesdays.";

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
        worker = agency.person("Wren Wellness " + tag)
                .role(Role.PEER_WORKER)
                .account("wren-" + tag)
                .create();
        supervisor = agency.person("Sol Supervises " + tag)
                .role(Role.SUPERVISOR)
                .account("sol-" + tag)
                .create();
        colleague = agency.person("Cy Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("cy-" + tag)
                .create();
        participant = agency.person("Pia Participant " + tag)
                .role(Role.PARTICIPANT)
                .account("pia-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), worker.id());
        workerToken = agency.token(worker);
        supervisorToken = agency.token(supervisor);
    }

    @Test
    void keepsThePlanAsThePersonWroteIt() {
        writePlan(true);

        Api.Response mine = api.get("/api/v1/me/wellness-plan", workerToken);

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(KEEPS).contains(SIGNS);
        assertThat(mine.json().get("sections").size()).isEqualTo(2);
    }

    @Test
    void showsTheSupervisorOnlyTheSharedSection() {
        writePlan(true);

        Api.Response shared = api.get(planOf(worker), supervisorToken);

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.body()).contains(KEEPS).doesNotContain(SIGNS);
    }

    @Test
    void hidesASectionFromTheSupervisorTheMomentItIsUnshared() {
        writePlan(true);
        assertThat(api.get(planOf(worker), supervisorToken).body()).contains(KEEPS);

        writePlan(false);

        Api.Response after = api.get(planOf(worker), supervisorToken);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain(KEEPS).doesNotContain(SIGNS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "privacy", "manager"})
    void sealsThePlanFromEveryRole(String demoUser) {
        writePlan(true);

        assertHiddenFrom(demoPerson(demoUser), agency.demoToken(demoUser));
    }

    @Test
    void sealsThePlanFromAColleague() {
        writePlan(true);

        assertHiddenFrom(colleague.id(), agency.token(colleague));
    }

    @Test
    void sealsThePlanFromAParticipant() {
        writePlan(true);

        assertHiddenFrom(participant.id(), agency.token(participant));
    }

    @Test
    void sealsThePlanFromAnotherAgency() {
        writePlan(true);
        String token = otherAgencyAdministrator(directory, agency);

        Api.Response hidden = api.get(planOf(worker), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/wellness-plan", token);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
    }

    @Test
    void opensNoWellnessPlanByBreakingTheGlass() {
        Api.Response r = api.post(
                "/api/v1/access/break-glass",
                agency.demoToken("privacy"),
                Api.json(Map.of(
                        "subjectId", worker.id().value().toString(),
                        "recordKind", "WELLNESS_PLAN",
                        "reason", "OTHER",
                        "detail", "An emergency that is not one for a wellness plan")));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
    }

    @Test
    void auditsEveryReadWithoutAWordOfThePlan() {
        writePlan(true);
        api.get("/api/v1/me/wellness-plan", workerToken);
        api.get(planOf(worker), supervisorToken);
        api.get(planOf(worker), agency.demoToken("admin"));
        ask(true, true);

        List<String> audited = jdbc.sql("select coalesce(detail, '') || ' ' || coalesce(record_id, '')"
                        + " || ' ' || coalesce(basis, '') from audit_entry where subject_id = :p")
                .param("p", worker.id().value())
                .query(String.class)
                .list();

        assertThat(audited).hasSizeGreaterThanOrEqualTo(5);
        assertThat(String.join("\n", audited))
                .doesNotContain("river")
                .doesNotContain("lunch")
                .doesNotContain("quiet room");
    }

    @Test
    void letsAManagerReadAndAnswerOnlyASentRequest() {
        writePlan(true);
        String kept = ask(false, false);
        String sent = ask(true, false);
        String manager = agency.demoToken("manager");

        assertThat(api.get("/api/v1/accommodations/" + kept, manager).status()).isEqualTo(404);
        Api.Response read = api.get("/api/v1/accommodations/" + sent, manager);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains(REQUEST).doesNotContain(KEEPS);
        assertThat(api.get("/api/v1/accommodations", manager).body())
                .contains(sent)
                .doesNotContain(kept)
                .doesNotContain(REQUEST);
        assertThat(api.get(planOf(worker), manager).status()).isEqualTo(404);

        Api.Response answered = api.post(
                "/api/v1/accommodations/" + sent + "/answer",
                manager,
                "{\"outcome\":\"AGREED_IN_PART\",\"text\":\"Tuesdays from January.\"}");

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/wellness-plan", workerToken).body()).contains("Tuesdays from January.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "privacy"})
    void keepsASentRequestFromEveryoneButManagers(String demoUser) {
        String sent = ask(true, true);

        Api.Response hidden = api.get("/api/v1/accommodations/" + sent, agency.demoToken(demoUser));

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accommodations/" + sent, agency.token(colleague))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void showsTheSupervisorASharedRequestUntilItIsUnshared() {
        String id = ask(false, true);
        assertThat(api.get(planOf(worker), supervisorToken).body()).contains(REQUEST);

        Api.Response unshared =
                api.post("/api/v1/me/accommodations/" + id + "/sharing", workerToken, "{\"shared\":false}");

        assertThat(unshared.status()).isEqualTo(200);
        assertThat(api.get(planOf(worker), supervisorToken).body()).doesNotContain(REQUEST);
    }

    @Test
    void refusesAParticipantAWellnessPlan() {
        Api.Response r = api.put(
                "/api/v1/me/wellness-plan",
                agency.token(participant),
                "{\"sections\":{\"KEEPS_ME_WELL\":{\"text\":\"x\"}}}");

        assertThat(r.status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"sections\":\"walking\"}",
                "{\"sections\":{\"NOT_A_SECTION\":{\"text\":\"x\"}}}",
                "{\"sections\":{\"KEEPS_ME_WELL\":{\"text\":\"fine\"},\"EARLY_SIGNS\":{\"text\":\"bad \\u202e char\"}}}",
                "{\"sections\":{\"KEEPS_ME_WELL\":null}}"
            })
    void refusesABadBodyAndKeepsNothing(String body) {
        writePlan(true);
        long before = agency.rows("wellness_section");

        Api.Response r = api.put("/api/v1/me/wellness-plan", workerToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(agency.rows("wellness_section")).isEqualTo(before);
        assertThat(api.get("/api/v1/me/wellness-plan", workerToken).body()).contains(KEEPS);
    }

    @Test
    void refusesAnOverlongSectionAndKeepsNothing() {
        long before = agency.rows("wellness_section");

        Api.Response r = api.put(
                "/api/v1/me/wellness-plan",
                workerToken,
                Api.json(Map.of("sections", Map.of("WHAT_HELPS", Map.of("text", "a".repeat(4001))))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(agency.rows("wellness_section")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"request\":\"  \"}", "[]"})
    void refusesABadRequestAndKeepsNothing(String body) {
        long before = agency.rows("accommodation");

        Api.Response r = api.post("/api/v1/me/accommodations", workerToken, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(agency.rows("accommodation")).isEqualTo(before);
    }

    private void writePlan(boolean shareFirst) {
        Api.Response r = api.put(
                "/api/v1/me/wellness-plan",
                workerToken,
                Api.json(Map.of(
                        "sections",
                        Map.of(
                                "KEEPS_ME_WELL", Map.of("text", KEEPS, "shared", shareFirst),
                                "EARLY_SIGNS", Map.of("text", SIGNS, "shared", false)))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private String ask(boolean send, boolean share) {
        Api.Response r = api.post(
                "/api/v1/me/accommodations",
                workerToken,
                Api.json(Map.of("request", REQUEST, "send", send, "shared", share)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private void assertHiddenFrom(PersonId reader, String token) {
        long before = agency.refusals(reader);
        Api.Response hidden = api.get(planOf(worker), token);
        Api.Response missing = api.get("/api/v1/people/" + UUID.randomUUID() + "/wellness-plan", token);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
        assertThat(hidden.body()).doesNotContain(KEEPS);
        assertThat(agency.refusals(reader)).isEqualTo(before + 1);
    }

    /** A token of an administrator of an agency of their own. */
    static String otherAgencyAdministrator(Directory directory, TestAgency agency) {
        AgencyId other = directory.createAgency("Wellness other " + TestAgency.tag(), false);
        Person stranger = directory.register(
                other,
                new PersonDetails("Other Admin", null, null, null, null),
                List.of(new AssignRole(
                        Role.ADMINISTRATOR, null, null, agency.today().minusDays(1), null)));
        String username = "other-" + TestAgency.tag();
        directory.openAccount(other, stranger.id(), username, TestAgency.PASSWORD);
        return agency.token(username);
    }

    static String planOf(Person person) {
        return "/api/v1/people/" + person.id().value() + "/wellness-plan";
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
