package org.mutuality.relationships;

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
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S7 and S12: a peer worker's own limits are compared with the contacts they record; passing one
 * invites them, and only them unless they chose otherwise, to reflect. Their supervisor never
 * learns who the participant was and reads a reflection only when it is shared.
 */
@IntegrationTest
class BoundariesIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passingYourOwnLimitInvitesYouToReflectAndTellsYourSupervisorOnlyIfYouChose() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person peer = person("Béa Boundary " + tag, Role.PEER_WORKER, "bea-" + tag);
        Person participant = person("Paulo Participant " + tag, Role.PARTICIPANT, null);
        String supervisor = api.demoToken("supervisor");
        String supervisorId = org.mutuality.test.Demo.personId(jdbc, "Samuel Okafor");
        relate(
                api,
                api.demoToken("manager"),
                "SUPERVISES",
                supervisorId,
                peer.id().toString());
        relate(
                api,
                supervisor,
                "SUPPORTS",
                peer.id().toString(),
                participant.id().toString());
        String bea = api.token("bea-" + tag, PASSWORD);

        Api.Response saved = api.put(
                "/api/v1/me/boundary-plan",
                bea,
                Api.json(Map.of(
                        "areas",
                        Map.of("OUTSIDE_CONTACT", "Coffee at most once a month, in public places."),
                        "outsideContactsPerMonth",
                        1,
                        "longestSessionMinutes",
                        90,
                        "noContactAfter",
                        "20:00",
                        "shareWithSupervisor",
                        false)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("areas").get("OUTSIDE_CONTACT").asString()).contains("once a month");

        String contacts = "/api/v1/people/" + participant.id() + "/interactions";
        Map<String, Object> coffee = Map.of("kind", "OUTSIDE_CONTACT", "durationMinutes", 45, "place", "Café");
        assertThat(api.post(contacts, bea, Api.json(coffee)).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/reflections", bea).json()).isEmpty();
        assertThat(api.post(contacts, bea, Api.json(coffee)).status()).isEqualTo(201);
        JsonNode invitations = api.get("/api/v1/me/reflections", bea).json();
        assertThat(invitations).hasSize(1);
        assertThat(invitations.get(0).get("limit").asString()).isEqualTo("OUTSIDE_CONTACTS_PER_MONTH");
        assertThat(invitations.get(0).get("detail").get(0).asString()).isEqualTo("2");
        assertThat(invitations.get(0).get("sharedWithSupervisor").asBoolean()).isFalse();
        // Once per month and participant: a third coffee does not invite again.
        assertThat(api.post(contacts, bea, Api.json(coffee)).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/reflections", bea).json()).hasSize(1);
        assertThat(notices(peer.id().toString(), "REFLECTION_INVITED")).isEqualTo(1);
        assertThat(notices(supervisorId, "REFLECTION_SHARED")).isZero();
        assertThat(sharedBy(api, supervisor, peer.id().toString())).isEmpty();

        // Béa chooses to tell the supervisor; a long session and a late meeting invite again.
        Map<String, Object> plan = new java.util.HashMap<>(Map.of(
                "outsideContactsPerMonth",
                1,
                "longestSessionMinutes",
                90,
                "noContactAfter",
                "20:00",
                "shareWithSupervisor",
                true));
        assertThat(api.put("/api/v1/me/boundary-plan", bea, Api.json(plan)).status())
                .isEqualTo(200);
        assertThat(api.post(
                                contacts,
                                bea,
                                Api.json(Map.of(
                                        "kind",
                                        "ONE_TO_ONE",
                                        "durationMinutes",
                                        150,
                                        "nextMeeting",
                                        LocalDate.now().plusDays(2) + "T21:30")))
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/me/reflections", bea).json()).hasSize(3);
        assertThat(notices(supervisorId, "REFLECTION_SHARED")).isEqualTo(2);
        List<JsonNode> shared = sharedBy(api, supervisor, peer.id().toString());
        assertThat(shared).hasSize(2);
        for (JsonNode s : shared) {
            assertThat(s.get("participantId").isNull()).isTrue();
            assertThat(s.toString()).doesNotContain(participant.id().toString()).doesNotContain("Paulo");
            assertThat(s.get("reflection").isNull()).isTrue();
        }

        // The reflection stays private until Béa shares it.
        String longSession = api.get("/api/v1/me/reflections", bea)
                .json()
                .valueStream()
                .filter(i -> i.get("limit").asString().equals("LONGEST_SESSION"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        String reflect = "/api/v1/me/reflections/" + longSession;
        assertThat(api.post(reflect, bea, "{\"reflection\":\"He was in crisis; I stayed. Next time I call the team.\"}")
                        .status())
                .isEqualTo(204);
        assertThat(sharedBy(api, supervisor, peer.id().toString()).toString()).doesNotContain("in crisis");
        assertThat(api.post(
                                reflect,
                                bea,
                                "{\"reflection\":\"He was in crisis; I stayed. Next time I call the team.\",\"share\":true}")
                        .status())
                .isEqualTo(204);
        assertThat(sharedBy(api, supervisor, peer.id().toString()).toString()).contains("in crisis");
        // The pages: Béa sees her invitations with the participant's name; the supervisor does not.
        org.mutuality.test.BrowserSession page = org.mutuality.test.BrowserSession.signIn(port, "bea-" + tag, PASSWORD);
        var mine = page.get("/boundaries");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Invitations to reflect").contains(participant.displayName());
        var badForm = page.post("/boundaries", Map.of("contactsPerWeek", "many"));
        assertThat(badForm.statusCode()).isEqualTo(302);
        assertThat(page.get("/boundaries").body()).contains("contactsPerWeek must be a whole number");
        var sharedPage = org.mutuality.test.BrowserSession.signIn(port, "supervisor", Api.DEMO_PASSWORD)
                .get("/boundaries/shared");
        assertThat(sharedPage.statusCode()).isEqualTo(200);
        assertThat(sharedPage.body()).contains(peer.displayName()).doesNotContain(participant.displayName());
        // Nobody else reflects on Béa's invitation, or reads her plan.
        assertThat(api.post(reflect, api.demoToken("peer2"), "{\"reflection\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/boundary-plan", api.demoToken("peer2")).body())
                .doesNotContain("once a month");
    }

    @Test
    void badPlansAndReflectionsAreRefusedAndChangeNothing() {
        Api api = new Api(port);
        String peer = api.demoToken("peer");
        String before = api.get("/api/v1/me/boundary-plan", peer).body();
        for (String body : List.of(
                "{\"contactsPerWeek\":0}",
                "{\"outsideContactsPerMonth\":-1}",
                "{\"longestSessionMinutes\":5}",
                "{\"noContactAfter\":\"late\"}",
                "{\"areas\":{\"TELEPATHY\":\"no\"}}",
                "{\"areas\":{\"SOCIAL_MEDIA\":\"" + "x".repeat(1001) + "\"}}",
                "{")) {
            Api.Response r = api.put("/api/v1/me/boundary-plan", peer, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(api.get("/api/v1/me/boundary-plan", peer).body()).isEqualTo(before);
        assertThat(api.post("/api/v1/me/reflections/" + UUID.randomUUID(), peer, "{\"reflection\":\"x\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me/boundary-plan", api.demoToken("participant"))
                        .status())
                .isEqualTo(403);
    }

    private List<JsonNode> sharedBy(Api api, String token, String person) {
        return api.get("/api/v1/reflections/shared-with-me", token)
                .json()
                .valueStream()
                .filter(i -> i.get("personId").asString().equals(person))
                .toList();
    }

    private Person person(String name, Role role, String username) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Program program = directory.programs(agency).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
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

    private int notices(String person, String kind) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = :k")
                .param("p", UUID.fromString(person))
                .param("k", kind)
                .query(Integer.class)
                .single();
    }
}
