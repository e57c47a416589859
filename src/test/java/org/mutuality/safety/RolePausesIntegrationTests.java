package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S5 end to end: a pause of a peer worker's contact with participants (not an end), the participant
 * reassigned after the conflict check, a return plan, and the return that restores the role. The
 * reason stays with the people who must know.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolePausesIntegrationTests {

    static final String REASON = "A concern about money is being looked at.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Program program;
    Person quin;
    PersonId sam;
    String supervisor;
    String privacy;

    @BeforeAll
    void aSupervisorAndAPeerWorkerToCover() {
        api = agency.api();
        program = agency.peerSupport();
        quin = agency.person("Quin Cover " + tag()).role(Role.PEER_WORKER).create();
        sam = agency.demoPerson("Samuel Okafor");
        supervisor = agency.demoToken("supervisor");
        privacy = agency.demoToken("privacy");
    }

    @Test
    void sendsTheMessagesWaitingForThePersonElsewhere() {
        Paused p = supported();
        assertThat(api.post("/api/v1/me/messages", p.anaToken(), "{\"text\":\"Are we still meeting?\"}")
                        .status())
                .isEqualTo(201);

        pause(p);

        assertThat(count(
                        "select count(*) from contact_message where participant_id = :p",
                        p.ana().id()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from contact_message where to_id = :p and read_at is null",
                        p.pat().id()))
                .isZero();
    }

    @Test
    void tellsThePersonAndTheirSupervisor() {
        Paused p = supported();
        int before = agency.notices(sam, "ROLE_PAUSE_TO_KNOW");

        pause(p);

        assertThat(agency.notices(p.pat().id(), "ROLE_PAUSED")).isEqualTo(1);
        assertThat(agency.notices(sam, "ROLE_PAUSE_TO_KNOW")).isEqualTo(before + 1);
    }

    @Test
    void refusesASecondPauseWhileOneIsInForce() {
        Paused p = supported();
        pause(p);

        Api.Response again = api.post(
                "/api/v1/pauses",
                privacy,
                Api.json(Map.of(
                        "personId",
                        p.pat().id().toString(),
                        "scopes",
                        List.of("LEADING_GROUPS"),
                        "reason",
                        "Again, twice.")));

        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void recordsNoContactForAPausedWorker() {
        Paused p = supported();
        pause(p);

        Api.Response contact = api.post(
                "/api/v1/people/" + p.ana().id() + "/interactions",
                p.patToken(),
                "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":10}");

        assertThat(contact.status()).isEqualTo(403);
        assertThat(contact.body()).contains("paused");
    }

    @Test
    void refusesAReplyFromTheThreadPageAndKeepsTheRefusalOnRecord() {
        Paused p = supported();
        pause(p);
        BrowserSession patPage = agency.browser(p.patName());
        assertThat(patPage.get("/contact/threads/" + p.ana().id()).statusCode())
                .as("Pat still reads Ana's messages")
                .isEqualTo(200);
        long refusedWrites = refusedWrites(p.pat(), p.ana());

        int status = patPage.post("/contact/threads/" + p.ana().id(), Map.of("text", "See you Thursday?"))
                .statusCode();

        assertThat(status).isEqualTo(302);
        assertThat(refusedWrites(p.pat(), p.ana())).isEqualTo(refusedWrites + 1);
    }

    private long refusedWrites(Person actor, Person subject) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and subject_id = :s"
                        + " and action = 'WRITE' and outcome = 'DENIED'")
                .param("a", actor.id().value())
                .param("s", subject.id().value())
                .query(Long.class)
                .single();
    }

    @Test
    void neitherSuggestsNorAssignsAPausedWorkerAndKeepsTheReasonOut() {
        Paused p = supported();
        pause(p);
        String referral = referral();

        assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                        .body())
                .doesNotContain(p.pat().displayName());
        Api.Response chosen = api.post(
                "/api/v1/referrals/" + referral + "/choice",
                supervisor,
                Api.json(Map.of("peerId", p.pat().id().toString())));
        assertThat(chosen.status()).isEqualTo(409);
        assertThat(chosen.body()).contains("not taking new participants").doesNotContain("money");
    }

    @Test
    void showsTheReasonToThePersonAndTheirSupervisorOnly() {
        Paused p = supported();
        String id = pause(p);
        String peer2 = agency.demoToken("peer2");

        assertThat(api.get("/api/v1/pauses/" + id, p.patToken())
                        .json()
                        .get("reason")
                        .asString())
                .contains("money");
        assertThat(api.get("/api/v1/pauses/" + id, supervisor)
                        .json()
                        .get("reason")
                        .asString())
                .contains("money");
        assertThat(api.get("/api/v1/pauses/" + id, peer2).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/pauses", peer2).body()).doesNotContain(id);
    }

    @Test
    void reassignsAParticipantKeepingTheHistoryOfTheEndedAssignment() {
        Paused p = supported();
        String id = pause(p);
        int before = agency.notices(quin.id(), "PARTICIPANT_REASSIGNED_TO_YOU");

        Api.Response reassigned = api.post(
                "/api/v1/pauses/" + id + "/reassign",
                privacy,
                Api.json(Map.of(
                        "participantId",
                        p.ana().id().toString(),
                        "peerId",
                        quin.id().toString())));

        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
        assertThat(supports(p.pat(), p.ana(), true)).isZero();
        assertThat(supports(p.pat(), p.ana(), false)).isEqualTo(1);
        assertThat(supports(quin, p.ana(), true)).isEqualTo(1);
        assertThat(agency.notices(quin.id(), "PARTICIPANT_REASSIGNED_TO_YOU")).isEqualTo(before + 1);
    }

    @Test
    void takesThePersonsOwnNoteAndTheirStepsDone() {
        Paused p = supported();
        String id = pause(p);

        assertThat(api.post(
                                "/api/v1/pauses/" + id + "/note",
                                p.patToken(),
                                "{\"note\":\"I misjudged it and I want to learn.\"}")
                        .status())
                .isEqualTo(200);
        JsonNode steps = api.get("/api/v1/pauses/" + id, p.patToken()).json().get("steps");
        for (JsonNode step : steps) {
            String done = "/api/v1/pauses/" + id + "/steps/" + step.get("id").asString() + "/done";
            assertThat(api.post(done, p.patToken(), "{}").status()).isEqualTo(200);
            assertThat(api.post(done, p.patToken(), "{}").status()).isEqualTo(409);
        }
        JsonNode after = api.get("/api/v1/pauses/" + id, p.patToken()).json();
        assertThat(after.get("personNote").asString()).contains("misjudged");
        after.get("steps")
                .forEach(step -> assertThat(step.get("doneOn").asString())
                        .isEqualTo(agency.today().toString()));
    }

    @Test
    void restoresTheRoleByThePrivacyLeadNotByThePerson() {
        Paused p = supported();
        String id = pause(p);
        String referral = referral();

        assertThat(api.post("/api/v1/pauses/" + id + "/return", p.patToken(), "{}")
                        .status())
                .isEqualTo(403);
        JsonNode back =
                api.post("/api/v1/pauses/" + id + "/return", privacy, "{}").json();

        assertThat(back.get("returnedOn").asString()).isEqualTo(agency.today().toString());
        assertThat(agency.notices(p.pat().id(), "ROLE_RESTORED")).isEqualTo(1);
        assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                        .body())
                .contains(p.pat().displayName());
        assertThat(api.post("/api/v1/pauses/" + id + "/return", privacy, "{}").status())
                .isEqualTo(409);
    }

    @Test
    void showsThePlanAndThePersonsNoteOnTheirPage() {
        Paused p = supported();
        String id = pause(p);
        api.post("/api/v1/pauses/" + id + "/note", p.patToken(), "{\"note\":\"I misjudged it and I want to learn.\"}");

        var page = agency.browser(p.patName()).get("/pauses/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Boundaries refresher").contains("I misjudged it");
    }

    @Test
    void asksOnThePageWhoseRoleIsPausedAndChangesNothing() {
        BrowserSession page = agency.demoBrowser("privacy");
        page.get("/pauses?lang=fr");
        long before =
                jdbc.sql("select count(*) from role_pause").query(Long.class).single();

        page.post("/pauses", Map.of("scopes", "LEADING_GROUPS", "reason", REASON, "confirm", "true"));

        assertThat(page.get("/pauses").body()).contains("Choisissez le rôle de qui est mis en pause.");
        assertThat(jdbc.sql("select count(*) from role_pause").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void refusesBadPausesAndChangesNothing() {
        String jordan = agency.demoPerson("Jordan Lee").toString();
        long before =
                jdbc.sql("select count(*) from role_pause").query(Long.class).single();
        assertThat(api.post(
                                "/api/v1/pauses",
                                agency.demoToken("peer2"),
                                Api.json(Map.of(
                                        "personId",
                                        jordan,
                                        "scopes",
                                        List.of("LEADING_GROUPS"),
                                        "reason",
                                        "Not my call at all.")))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/pauses",
                                privacy,
                                Api.json(Map.of(
                                        "personId",
                                        agency.demoPerson("Priya Shah").toString(),
                                        "scopes",
                                        List.of("LEADING_GROUPS"),
                                        "reason",
                                        "Pausing myself.")))
                        .status())
                .isEqualTo(403);
        for (String body : List.of(
                "{\"personId\":\"" + jordan + "\",\"scopes\":[],\"reason\":\"No scope chosen.\"}",
                "{\"personId\":\"" + jordan + "\",\"scopes\":[\"NAPPING\"],\"reason\":\"Unknown scope.\"}",
                "{\"personId\":\"" + jordan + "\",\"scopes\":[\"LEADING_GROUPS\"],\"reason\":\"x\"}",
                "{\"personId\":\"" + jordan
                        + "\",\"scopes\":[\"LEADING_GROUPS\"],\"reason\":\"Back in the past.\",\"returnOn\":\"2020-01-01\"}",
                "{\"personId\":\"" + agency.demoPerson("Julie Roy")
                        + "\",\"scopes\":[\"LEADING_GROUPS\"],\"reason\":\"Not staff.\"}",
                "{")) {
            Api.Response r = api.post("/api/v1/pauses", privacy, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(jdbc.sql("select count(*) from role_pause").query(Long.class).single())
                .isEqualTo(before);
    }

    /** Pat, a peer worker Sam supervises, who supports Ana, a participant; both can sign in. */
    private Paused supported() {
        String tag = tag();
        Person pat = agency.person("Pat Paused " + tag)
                .role(Role.PEER_WORKER)
                .account("pat-" + tag)
                .create();
        Person ana = agency.person("Ana Supported " + tag)
                .role(Role.PARTICIPANT)
                .account("ana-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", sam, pat.id());
        agency.relate(supervisor, "SUPPORTS", pat.id(), ana.id());
        return new Paused(pat, ana, "pat-" + tag, agency.token("pat-" + tag), agency.token("ana-" + tag));
    }

    private record Paused(Person pat, Person ana, String patName, String patToken, String anaToken) {}

    /** The privacy lead pauses Pat's contact with participants, with a return plan; returns the pause's id. */
    private String pause(Paused p) {
        Api.Response paused = api.post(
                "/api/v1/pauses",
                privacy,
                Api.json(Map.of(
                        "personId", p.pat().id().toString(),
                        "scopes", List.of("CONTACT_WITH_PARTICIPANTS"),
                        "reason", REASON,
                        "returnOn", agency.today().plusDays(14).toString(),
                        "steps", List.of("Talk it through with Sam", "Boundaries refresher"))));
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        return paused.json().get("id").asString();
    }

    private String referral() {
        Person olga =
                agency.person("Olga Other " + tag()).role(Role.PARTICIPANT).create();
        return api.post(
                        "/api/v1/referrals",
                        supervisor,
                        Api.json(Map.of(
                                "personId", olga.id().toString(),
                                "programId", program.id().toString(),
                                "reason", "Olga would like peer support.")))
                .json()
                .get("id")
                .asString();
    }

    private int supports(Person peer, Person participant, boolean current) {
        return jdbc.sql(
                        "select count(*) from relationship where kind = 'SUPPORTS' and person_a_id = :a and person_b_id = :b"
                                + (current ? " and end_date is null" : " and end_date is not null"))
                .param("a", peer.id().value())
                .param("b", participant.id().value())
                .query(Integer.class)
                .single();
    }

    private int count(String sql, PersonId person) {
        return jdbc.sql(sql).param("p", person.value()).query(Integer.class).single();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
