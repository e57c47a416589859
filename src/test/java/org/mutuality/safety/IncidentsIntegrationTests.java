package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S4: a peer worker records a boundary incident with a participant; both add their own account; a
 * manager who is the participant's partner may not handle it, the privacy lead does; it ends with
 * "boundary restated" and nobody is sanctioned.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person ilse;
    Person ivo;
    String ilseToken;
    String ivoToken;
    String moToken;
    String privacy;

    @BeforeAll
    void aPeerWorkerAParticipantAndTheParticipantsPartnerAManager() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        ilse = agency.person("Ilse Incident " + tag)
                .roleAcrossAgency(Role.PEER_WORKER)
                .account("ilse-" + tag)
                .create();
        ivo = agency.person("Ivo Involved " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("ivo-" + tag)
                .create();
        Person manager = agency.person("Mo Manager " + tag)
                .roleAcrossAgency(Role.MANAGER)
                .account("mo-" + tag)
                .create();
        privacy = agency.demoToken("privacy");
        agency.relate(privacy, "PARTNER", manager.id(), ivo.id());
        ilseToken = agency.token("ilse-" + tag);
        ivoToken = agency.token("ivo-" + tag);
        moToken = agency.token("mo-" + tag);
    }

    @Test
    void tellsTheOthersInvolvedAndThoseWhoHandleIncidents() {
        int before = agency.notices(ivo.id(), "INCIDENT_INVOLVES_YOU");

        record();

        assertThat(agency.notices(ivo.id(), "INCIDENT_INVOLVES_YOU")).isEqualTo(before + 1);
        assertThat(agency.notices(agency.demoPerson("Priya Shah"), "INCIDENT_RECORDED"))
                .isPositive();
    }

    @Test
    void showsEachPersonInvolvedOnlyTheirOwnAccount() {
        String path = withAccounts();

        JsonNode ivoView = api.get(path, ivoToken).json();

        assertThat(ivoView.get("accounts")).hasSize(1);
        assertThat(ivoView.get("accounts").get(0).get("text").asString()).contains("grateful");
    }

    @Test
    void refusesSomeoneNotInvolvedToReadOrAddAnAccount() {
        String path = record();
        String peer2 = agency.demoToken("peer2");

        assertThat(api.get(path, peer2).status()).isEqualTo(403);
        assertThat(api.post(path + "/accounts", peer2, "{\"text\":\"I was not even there at all.\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesAHandlerWhoIsThePartnerOfSomeoneInvolved() {
        Api.Response blocked = api.post(record() + "/take", moToken, "{}");

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("Someone else should take this");
    }

    @Test
    void isTakenByThePrivacyLeadWhoReadsEveryAccount() {
        String path = withAccounts();

        assertThat(api.post(path + "/take", privacy, "{}").json().get("status").asString())
                .isEqualTo("IN_HAND");
        assertThat(api.get(path, privacy).json().get("accounts")).hasSize(2);
    }

    @Test
    void refusesAnOutcomeThatIsNotOne() {
        String path = taken();

        assertThat(api.post(path + "/resolve", privacy, "{\"outcome\":\"SUSPENDED\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void isResolvedWithAnOutcomeEveryoneInvolvedIsToldOf() {
        String path = taken();
        int ilseBefore = agency.notices(ilse.id(), "INCIDENT_RESOLVED");
        int ivoBefore = agency.notices(ivo.id(), "INCIDENT_RESOLVED");

        Api.Response resolved = resolve(path);

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("outcome").asString()).isEqualTo("BOUNDARY_RESTATED");
        assertThat(agency.notices(ilse.id(), "INCIDENT_RESOLVED")).isEqualTo(ilseBefore + 1);
        assertThat(agency.notices(ivo.id(), "INCIDENT_RESOLVED")).isEqualTo(ivoBefore + 1);
    }

    @Test
    void isNotAVerdict() {
        resolve(taken());

        assertThat(directory.requirePerson(agency.id(), ilse.id()).activeRoles(agency.today()))
                .contains(Role.PEER_WORKER);
    }

    @Test
    void showsTheOutcomeAndOnlyTheirOwnAccountOnTheParticipantsPage() {
        String path = withAccounts();
        api.post(path + "/take", privacy, "{}");
        resolve(path);

        var page = agency.browser("ivo-" + tag).get(path.replace("/api/v1", ""));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Boundary restated")
                .contains("grateful")
                .doesNotContain("uneasy");
    }

    @Test
    void asksOnThePageHowTheIncidentEndedAndChangesNothing() {
        String path = taken();
        String page = path.replace("/api/v1", "");
        BrowserSession privacyLead = agency.demoBrowser("privacy");
        privacyLead.get(page + "?lang=fr");

        privacyLead.post(page + "/resolve", Map.of("outcome", "SUSPENDED"));

        assertThat(privacyLead.get(page).body()).contains("Choisissez l’issue de l’incident.");
        assertThat(api.get(path, privacy).json().get("status").asString()).isEqualTo("IN_HAND");
    }

    @Test
    void refusesBadIncidentsAndChangesNothing() {
        String peer = agency.demoToken("peer");
        String julie = agency.demoPerson("Julie Roy").toString();
        long before =
                jdbc.sql("select count(*) from incident").query(Long.class).single();
        for (String body : List.of(
                "{\"whatHappened\":\"Something happened here.\",\"involvedIds\":[]}",
                "{\"whatHappened\":\"short\",\"involvedIds\":[\"" + julie + "\"]}",
                "{\"whatHappened\":\"Something happened here.\",\"involvedIds\":[\"" + julie + "\"],\"occurredOn\":\""
                        + agency.today().plusDays(3) + "\"}",
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

    /** Records an incident between Ilse and Ivo; returns its API path. */
    private String record() {
        Api.Response recorded = api.post(
                "/api/v1/incidents",
                ilseToken,
                Api.json(Map.of(
                        "whatHappened", "Ivo hugged me at the end of our meeting and asked for my phone number.",
                        "agreedNext", "We talked about why I keep contact on the agency's line.",
                        "involvedIds", List.of(ivo.id().toString()))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return "/api/v1/incidents/" + recorded.json().get("id").asString();
    }

    private String withAccounts() {
        String path = record();
        assertThat(api.post(
                                path + "/accounts",
                                ivoToken,
                                "{\"text\":\"I was grateful and did not think it was a problem.\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(path + "/accounts", ilseToken, "{\"text\":\"I felt uneasy and said so kindly.\"}")
                        .status())
                .isEqualTo(200);
        return path;
    }

    private String taken() {
        String path = record();
        assertThat(api.post(path + "/take", privacy, "{}").status()).isEqualTo(200);
        return path;
    }

    private Api.Response resolve(String path) {
        return api.post(
                path + "/resolve",
                privacy,
                Api.json(Map.of(
                        "outcome",
                        "BOUNDARY_RESTATED",
                        "note",
                        "Both agreed that contact stays on the agency's line.")));
    }
}
