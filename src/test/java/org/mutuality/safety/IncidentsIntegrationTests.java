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
 * S4: a peer worker records a boundary incident with a participant; both add their own account; a
 * manager who is the participant's partner may not handle it, the privacy lead does; it ends with
 * "boundary restated" and nobody is sanctioned.
 */
@IntegrationTest
class IncidentsIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIncidentIsHandledWithDignityBySomeoneWithoutAConflict() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person ilse = person("Ilse Incident " + tag, Role.PEER_WORKER, "ilse-" + tag);
        Person ivo = person("Ivo Involved " + tag, Role.PARTICIPANT, "ivo-" + tag);
        Person manager = person("Mo Manager " + tag, Role.MANAGER, "mo-" + tag);
        assertThat(api.post(
                                "/api/v1/relationships",
                                api.demoToken("privacy"),
                                Api.json(Map.of(
                                        "kind",
                                        "PARTNER",
                                        "personAId",
                                        manager.id().toString(),
                                        "personBId",
                                        ivo.id().toString(),
                                        "visibility",
                                        "STAFF")))
                        .status())
                .isEqualTo(201);
        String ilseToken = api.token("ilse-" + tag, PASSWORD);
        String ivoToken = api.token("ivo-" + tag, PASSWORD);

        Api.Response recorded = api.post(
                "/api/v1/incidents",
                ilseToken,
                Api.json(Map.of(
                        "whatHappened", "Ivo hugged me at the end of our meeting and asked for my phone number.",
                        "agreedNext", "We talked about why I keep contact on the agency's line.",
                        "involvedIds", List.of(ivo.id().toString()))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        assertThat(notices(ivo.id().toString(), "INCIDENT_INVOLVES_YOU")).isEqualTo(1);
        assertThat(notices(org.mutuality.test.Demo.personId(jdbc, "Priya Shah"), "INCIDENT_RECORDED"))
                .isPositive();

        String path = "/api/v1/incidents/" + id;
        assertThat(api.post(
                                path + "/accounts",
                                ivoToken,
                                "{\"text\":\"I was grateful and did not think it was a problem.\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(path + "/accounts", ilseToken, "{\"text\":\"I felt uneasy and said so kindly.\"}")
                        .status())
                .isEqualTo(200);
        JsonNode ivoView = api.get(path, ivoToken).json();
        assertThat(ivoView.get("accounts")).hasSize(1);
        assertThat(ivoView.get("accounts").get(0).get("text").asString()).contains("grateful");
        assertThat(api.get(path, api.demoToken("peer2")).status()).isEqualTo(403);
        assertThat(api.post(path + "/accounts", api.demoToken("peer2"), "{\"text\":\"I was not even there at all.\"}")
                        .status())
                .isEqualTo(403);

        Api.Response blocked = api.post(path + "/take", api.token("mo-" + tag, PASSWORD), "{}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("Someone else should take this incident");
        String privacy = api.demoToken("privacy");
        assertThat(api.post(path + "/take", privacy, "{}").json().get("status").asString())
                .isEqualTo("IN_HAND");
        assertThat(api.get(path, privacy).json().get("accounts")).hasSize(2);
        assertThat(api.post(path + "/resolve", privacy, "{\"outcome\":\"SUSPENDED\"}")
                        .status())
                .isEqualTo(400);
        Api.Response resolved = api.post(
                path + "/resolve",
                privacy,
                Api.json(Map.of(
                        "outcome",
                        "BOUNDARY_RESTATED",
                        "note",
                        "Both agreed that contact stays on the agency's line.")));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("outcome").asString()).isEqualTo("BOUNDARY_RESTATED");
        assertThat(notices(ilse.id().toString(), "INCIDENT_RESOLVED")).isEqualTo(1);
        assertThat(notices(ivo.id().toString(), "INCIDENT_RESOLVED")).isEqualTo(1);
        // Not a verdict: Ilse's role is untouched.
        assertThat(directory
                        .requirePerson(directory.demoAgency().orElseThrow(), ilse.id())
                        .activeRoles(LocalDate.now()))
                .contains(Role.PEER_WORKER);

        var page = org.mutuality.test.BrowserSession.signIn(port, "ivo-" + tag, PASSWORD)
                .get("/incidents/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Boundary restated")
                .contains("grateful")
                .doesNotContain("uneasy");
    }

    @Test
    void badIncidentsAreRefusedAndChangeNothing() {
        Api api = new Api(port);
        String peer = api.demoToken("peer");
        String julie = org.mutuality.test.Demo.personId(jdbc, "Julie Roy");
        long before =
                jdbc.sql("select count(*) from incident").query(Long.class).single();
        for (String body : List.of(
                "{\"whatHappened\":\"Something happened here.\",\"involvedIds\":[]}",
                "{\"whatHappened\":\"short\",\"involvedIds\":[\"" + julie + "\"]}",
                "{\"whatHappened\":\"Something happened here.\",\"involvedIds\":[\"" + julie + "\"],\"occurredOn\":\""
                        + LocalDate.now().plusDays(3) + "\"}",
                "{\"whatHappened\":\"Something happened here.\",\"involvedIds\":[\"nope\"]}",
                "{\"whatHappened\":\"Something happened here.\"}",
                "{")) {
            Api.Response r = api.post("/api/v1/incidents", peer, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(jdbc.sql("select count(*) from incident").query(Long.class).single())
                .isEqualTo(before);
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
}
