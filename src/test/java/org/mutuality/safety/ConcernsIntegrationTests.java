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
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S5: a participant raises a concern about a peer worker, anonymously; it reaches those who handle
 * concerns and never the peer worker; someone without a conflict takes it and answers; the
 * participant reads the answer.
 */
@IntegrationTest
class ConcernsIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aConcernReachesThoseWhoHandleItNeverThePersonAndIsAnsweredToWhoRaisedIt() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person worker = person("Wren Worker " + tag, Role.PEER_WORKER, "wren-" + tag);
        Person raiser = person("Rafa Raiser " + tag, Role.PARTICIPANT, "rafa-" + tag);
        Person sister = person("Siri Sister " + tag, Role.MANAGER, "siri-" + tag);
        Api.Response family = api.post(
                "/api/v1/relationships",
                api.demoToken("privacy"),
                Api.json(Map.of(
                        "kind",
                        "FAMILY",
                        "personAId",
                        sister.id().toString(),
                        "personBId",
                        worker.id().toString(),
                        "visibility",
                        "STAFF")));
        assertThat(family.status()).as(family.body()).isEqualTo(201);
        String rafa = api.token("rafa-" + tag, PASSWORD);

        Api.Response raised = api.post(
                "/api/v1/concerns",
                rafa,
                Api.json(Map.of(
                        "aboutId",
                        worker.id().toString(),
                        "text",
                        "They keep texting me from their own phone late at night.",
                        "anonymous",
                        true)));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        assertThat(notices(worker.id().toString(), "CONCERN_RAISED")).isZero();
        assertThat(notices(org.mutuality.test.Demo.personId(jdbc, "Priya Shah"), "CONCERN_RAISED"))
                .isPositive();
        assertThat(notices(sister.id().toString(), "CONCERN_RAISED")).isPositive();

        // The person it is about reads nothing, and the refusal is on the record.
        String wren = api.token("wren-" + tag, PASSWORD);
        assertThat(api.get("/api/v1/concerns", wren).status()).isEqualTo(403);
        long denied = denied(worker.id().toString());
        assertThat(api.get("/api/v1/concerns/" + id, wren).status()).isEqualTo(403);
        assertThat(denied(worker.id().toString())).isGreaterThan(denied);

        // Handlers do not learn who raised it.
        String privacy = api.demoToken("privacy");
        JsonNode listed = find(api.get("/api/v1/concerns", privacy).json(), id);
        assertThat(listed.get("raisedById").isNull()).isTrue();
        assertThat(listed.toString()).doesNotContain(raiser.id().toString());

        // The worker's sister may not take it; the privacy lead may.
        String siri = api.token("siri-" + tag, PASSWORD);
        Api.Response blocked = api.post("/api/v1/concerns/" + id + "/take", siri, "{}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("Someone else should take this concern");
        assertThat(api.post("/api/v1/concerns/" + id + "/take", privacy, "{}")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("IN_REVIEW");
        assertThat(api.post("/api/v1/concerns/" + id + "/answer", siri, "{\"answer\":\"We spoke with them.\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/concerns/" + id + "/answer", privacy, "{\"answer\":\"ok\"}")
                        .status())
                .isEqualTo(400);
        Api.Response answered = api.post(
                "/api/v1/concerns/" + id + "/answer",
                privacy,
                Api.json(Map.of(
                        "answer",
                        "Thank you. Messages now go through the agency only; the worker was reminded of the plan.")));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(notices(raiser.id().toString(), "CONCERN_ANSWERED")).isEqualTo(1);

        JsonNode mine = find(api.get("/api/v1/me/concerns", rafa).json(), id);
        assertThat(mine.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(mine.get("answer").asString()).contains("through the agency");
        assertThat(api.post("/api/v1/concerns/" + id + "/close", rafa, "{}")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/concerns/" + id + "/close", rafa, "{}").status())
                .isEqualTo(409);

        // The browser pages.
        var page = org.mutuality.test.BrowserSession.signIn(port, "rafa-" + tag, PASSWORD)
                .get("/concerns/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("through the agency");
        assertThat(org.mutuality.test.BrowserSession.signIn(port, "privacy", Api.DEMO_PASSWORD)
                        .get("/concerns?all=true")
                        .body())
                .contains(worker.displayName());
    }

    @Test
    void badConcernsAreRefusedAndChangeNothingAndCannotBeLockedAway() {
        Api api = new Api(port);
        String participant = api.demoToken("participant");
        long before = jdbc.sql("select count(*) from concern").query(Long.class).single();
        String julie = org.mutuality.test.Demo.personId(jdbc, "Julie Roy");
        String louise = org.mutuality.test.Demo.personId(jdbc, "Louise Bernard");
        for (String body : List.of(
                "{\"text\":\"short\"}",
                "{\"text\":\"" + "x".repeat(4001) + "\"}",
                "{\"aboutId\":\"" + julie + "\",\"text\":\"About myself, which makes no sense.\"}",
                "{\"aboutId\":\"" + louise + "\",\"text\":\"Louise is a participant, not staff.\"}",
                "{\"aboutId\":\"not-a-uuid\",\"text\":\"A long enough text here.\"}",
                "{")) {
            Api.Response r = api.post("/api/v1/concerns", participant, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(api.post(
                                "/api/v1/concerns",
                                participant,
                                "{\"aboutId\":\"" + UUID.randomUUID() + "\",\"text\":\"Someone who does not exist.\"}")
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from concern").query(Long.class).single())
                .isEqualTo(before);
        assertThat(api.get("/api/v1/concerns/" + UUID.randomUUID(), api.demoToken("privacy"))
                        .status())
                .isEqualTo(404);
        // A consent directive cannot hide concerns about oneself from those who handle them.
        Api.Response lockbox = api.post(
                "/api/v1/people/" + org.mutuality.test.Demo.personId(jdbc, "Jordan Lee") + "/consent-directives",
                api.demoToken("peer"),
                Api.json(Map.of("purpose", "SAFETY", "recordKind", "SAFETY_RECORDS")));
        assertThat(lockbox.status()).isEqualTo(400);
    }

    private Person person(String name, Role role, String username) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Person p = directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, null, null, LocalDate.now().minusDays(1), null)));
        directory.openAccount(agency, p.id(), username, PASSWORD);
        return p;
    }

    private int notices(String person, String kind) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = :k")
                .param("p", UUID.fromString(person))
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    private long denied(String actor) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and outcome = 'DENIED'")
                .param("a", UUID.fromString(actor))
                .query(Long.class)
                .single();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
