package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S5 end to end: a participant's concern, a pause of the peer worker's contact with participants
 * (not an end), the participant reassigned after the conflict check, a return plan, and the return
 * that restores the role. The reason stays with the people who must know.
 */
@IntegrationTest
class RolePausesIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concernThenPauseThenReassignmentThenReturn() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Program program = peerProgram();
        Person pat = person("Pat Paused " + tag, Role.PEER_WORKER, program, "pat-" + tag);
        Person ana = person("Ana Supported " + tag, Role.PARTICIPANT, program, "ana-" + tag);
        Person quin = person("Quin Cover " + tag, Role.PEER_WORKER, program, null);
        String supervisor = api.demoToken("supervisor");
        String privacy = api.demoToken("privacy");
        String sam = Demo.personId(jdbc, "Samuel Okafor");
        relate(api, api.demoToken("manager"), "SUPERVISES", sam, pat.id().toString());
        relate(api, supervisor, "SUPPORTS", pat.id().toString(), ana.id().toString());
        String patToken = api.token("pat-" + tag, PASSWORD);
        String anaToken = api.token("ana-" + tag, PASSWORD);

        // Ana raises a concern; the privacy lead takes it.
        String concern = api.post(
                        "/api/v1/concerns",
                        anaToken,
                        Api.json(Map.of("aboutId", pat.id().toString(), "text", "Pat asked me to lend them money.")))
                .json()
                .get("id")
                .asString();
        assertThat(api.post("/api/v1/concerns/" + concern + "/take", privacy, "{}")
                        .status())
                .isEqualTo(200);

        // Ana writes to Pat; whoever it reached, nothing waits for Pat once paused.
        assertThat(api.post("/api/v1/me/messages", anaToken, "{\"text\":\"Are we still meeting?\"}")
                        .status())
                .isEqualTo(201);

        // The privacy lead pauses Pat's contact with participants.
        Api.Response paused = api.post(
                "/api/v1/pauses",
                privacy,
                Api.json(Map.of(
                        "personId", pat.id().toString(),
                        "scopes", List.of("CONTACT_WITH_PARTICIPANTS"),
                        "reason", "A concern about money is being looked at.",
                        "returnOn", LocalDate.now().plusDays(14).toString(),
                        "steps", List.of("Talk it through with Sam", "Boundaries refresher"))));
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        String id = paused.json().get("id").asString();
        assertThat(notices(pat.id().toString(), "ROLE_PAUSED")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact_message where participant_id = :a")
                        .param("a", ana.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact_message where to_id = :p and read_at is null")
                        .param("p", pat.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(notices(sam, "ROLE_PAUSE_TO_KNOW")).isEqualTo(1);
        assertThat(api.post(
                                "/api/v1/pauses",
                                privacy,
                                Api.json(Map.of(
                                        "personId",
                                        pat.id().toString(),
                                        "scopes",
                                        List.of("LEADING_GROUPS"),
                                        "reason",
                                        "Again, twice.")))
                        .status())
                .isEqualTo(409);

        // While paused: no contact recorded, not suggested, not chosen.
        Api.Response contact = api.post(
                "/api/v1/people/" + ana.id() + "/interactions",
                patToken,
                "{\"kind\":\"PHONE_CALL\",\"durationMinutes\":10}");
        assertThat(contact.status()).isEqualTo(403);
        assertThat(contact.body()).contains("paused");
        // Pat still reads Ana's messages, but a reply from the thread page is refused, and on the record.
        BrowserSession patPage = BrowserSession.signIn(port, "pat-" + tag, PASSWORD);
        assertThat(patPage.get("/contact/threads/" + ana.id()).statusCode()).isEqualTo(200);
        long refusedWrites = refusedWrites(pat, ana);
        assertThat(patPage.post("/contact/threads/" + ana.id(), Map.of("text", "See you Thursday?"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(refusedWrites(pat, ana)).isEqualTo(refusedWrites + 1);
        Person other = person("Olga Other " + tag, Role.PARTICIPANT, program, null);
        String referral = api.post(
                        "/api/v1/referrals",
                        supervisor,
                        Api.json(Map.of(
                                "personId", other.id().toString(),
                                "programId", program.id().toString(),
                                "reason", "Olga would like peer support.")))
                .json()
                .get("id")
                .asString();
        assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                        .body())
                .doesNotContain(pat.displayName());
        Api.Response chosen = api.post(
                "/api/v1/referrals/" + referral + "/choice",
                supervisor,
                Api.json(Map.of("peerId", pat.id().toString())));
        assertThat(chosen.status()).isEqualTo(409);
        assertThat(chosen.body()).contains("not taking new participants").doesNotContain("money");

        // Who reads the reason: Pat, Sam (supervisor), the privacy lead; not a colleague.
        assertThat(api.get("/api/v1/pauses/" + id, patToken)
                        .json()
                        .get("reason")
                        .asString())
                .contains("money");
        assertThat(api.get("/api/v1/pauses/" + id, supervisor)
                        .json()
                        .get("reason")
                        .asString())
                .contains("money");
        assertThat(api.get("/api/v1/pauses/" + id, api.demoToken("peer2")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/pauses", api.demoToken("peer2")).body()).doesNotContain(id);

        // Ana is reassigned to Quin after the conflict check; Pat's assignment ends, its history stays.
        Api.Response reassigned = api.post(
                "/api/v1/pauses/" + id + "/reassign",
                privacy,
                Api.json(Map.of(
                        "participantId",
                        ana.id().toString(),
                        "peerId",
                        quin.id().toString())));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(204);
        assertThat(supports(pat, ana, true)).isZero();
        assertThat(supports(pat, ana, false)).isEqualTo(1);
        assertThat(supports(quin, ana, true)).isEqualTo(1);
        assertThat(notices(quin.id().toString(), "PARTICIPANT_REASSIGNED_TO_YOU"))
                .isEqualTo(1);

        // Pat's own note and the return plan; then the role is restored.
        assertThat(api.post(
                                "/api/v1/pauses/" + id + "/note",
                                patToken,
                                "{\"note\":\"I misjudged it and I want to learn.\"}")
                        .status())
                .isEqualTo(200);
        JsonNode steps = api.get("/api/v1/pauses/" + id, patToken).json().get("steps");
        for (JsonNode step : steps) {
            assertThat(api.post(
                                    "/api/v1/pauses/" + id + "/steps/"
                                            + step.get("id").asString() + "/done",
                                    patToken,
                                    "{}")
                            .status())
                    .isEqualTo(200);
        }
        assertThat(api.post("/api/v1/pauses/" + id + "/return", patToken, "{}").status())
                .isEqualTo(403);
        JsonNode back =
                api.post("/api/v1/pauses/" + id + "/return", privacy, "{}").json();
        assertThat(back.get("returnedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(notices(pat.id().toString(), "ROLE_RESTORED")).isEqualTo(1);
        assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                        .body())
                .contains(pat.displayName());

        // The pages.
        var page = org.mutuality.test.BrowserSession.signIn(port, "pat-" + tag, PASSWORD)
                .get("/pauses/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Boundaries refresher").contains("I misjudged it");
    }

    @Test
    void badPausesAreRefusedAndChangeNothing() {
        Api api = new Api(port);
        String privacy = api.demoToken("privacy");
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        long before =
                jdbc.sql("select count(*) from role_pause").query(Long.class).single();
        assertThat(api.post(
                                "/api/v1/pauses",
                                api.demoToken("peer2"),
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
                                        Demo.personId(jdbc, "Priya Shah"),
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
                "{\"personId\":\"" + Demo.personId(jdbc, "Julie Roy")
                        + "\",\"scopes\":[\"LEADING_GROUPS\"],\"reason\":\"Not staff.\"}",
                "{")) {
            Api.Response r = api.post("/api/v1/pauses", privacy, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(jdbc.sql("select count(*) from role_pause").query(Long.class).single())
                .isEqualTo(before);
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

    private Program peerProgram() {
        return directory.programs(directory.demoAgency().orElseThrow()).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
    }

    private Person person(String name, Role role, Program program, String username) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Person p = directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, program.id(), null, LocalDate.now().minusDays(1), null)));
        if (username != null) {
            directory.openAccount(agency, p.id(), username, PASSWORD);
        }
        return p;
    }

    private static void relate(Api api, String token, String kind, String a, String b) {
        Api.Response r = api.post(
                "/api/v1/relationships", token, Api.json(Map.of("kind", kind, "personAId", a, "personBId", b)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private long refusedWrites(Person actor, Person subject) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and subject_id = :s"
                        + " and action = 'WRITE' and outcome = 'DENIED'")
                .param("a", actor.id().value())
                .param("s", subject.id().value())
                .query(Long.class)
                .single();
    }

    private int notices(String person, String kind) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = :k")
                .param("p", UUID.fromString(person))
                .param("k", kind)
                .query(Integer.class)
                .single();
    }
}
