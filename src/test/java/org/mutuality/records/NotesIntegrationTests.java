package org.mutuality.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** S2: a peer worker's care notes are sealed from every colleague outside their circle of care. */
@IntegrationTest
class NotesIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String jordan;

    @BeforeEach
    void setUp() {
        api = agency.api();
        jordan = Demo.personId(jdbc, "Jordan Lee");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "supervisor", "peer2", "privacy", "researcher"})
    void sealsTheCareNotesOfAColleagueFromEveryoneOutsideTheCircleOfCare(String colleague) {
        Api.Response refused = api.get("/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES", api.demoToken(colleague));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Sleep");
        assertThat(agency.demoBrowser(colleague)
                        .get("/people/" + jordan + "/notes")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void writesNoRefusalOfTheOtherKindWhenAPageListsWhatTheReaderMaySee() {
        String julie = Demo.personId(jdbc, "Julie Roy");
        long refusedBefore = refusalsAbout(julie);

        Api.Response byHerPeer = api.get("/api/v1/people/" + julie + "/notes", api.demoToken("peer"));
        assertThat(byHerPeer.status()).as(byHerPeer.body()).isEqualTo(200);
        assertThat(refusalsAbout(julie)).isEqualTo(refusedBefore);

        Api.Response byAColleague = api.get("/api/v1/people/" + julie + "/notes", api.demoToken("researcher"));
        assertThat(byAColleague.status()).isIn(403, 404);
        assertThat(refusalsAbout(julie)).isGreaterThan(refusedBefore);
    }

    private long refusalsAbout(String person) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :p and outcome = 'DENIED'")
                .param("p", java.util.UUID.fromString(person))
                .query(Long.class)
                .single();
    }

    @Test
    void letsTheTreatingPsychiatristAndThePersonReadThem() {
        JsonNode byPsychiatrist = api.get(
                        "/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES", api.demoToken("psychiatrist"))
                .json();
        JsonNode byJordan = api.get("/api/v1/people/" + jordan + "/notes", api.demoToken("peer"))
                .json();

        assertThat(byPsychiatrist.get("bases").get(0).asString()).isEqualTo("CARE_NOTES:CIRCLE_OF_CARE");
        assertThat(byPsychiatrist.get("notes").findValuesAsString("text")).anyMatch(t -> t.contains("Sleep is better"));
        assertThat(byJordan.get("bases").toString()).contains("CARE_NOTES:SELF");
        assertThat(byJordan.get("notes").findValuesAsString("text")).anyMatch(t -> t.contains("Sleep is better"));
    }

    @Test
    void recordsARefusedReadInThePersonsAccessLog() {
        api.get("/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES", api.demoToken("admin"));

        JsonNode log = api.get("/api/v1/me/access-log", api.demoToken("peer")).json();

        boolean denied = false;
        for (JsonNode entry : log) {
            if ("DENIED".equals(entry.get("outcome").asString())
                    && "CARE_NOTES".equals(entry.get("recordKind").asString())
                    && "Alex Morgan".equals(entry.get("actorName").asString())) {
                denied = true;
            }
        }
        assertThat(denied).isTrue();
    }

    @Test
    void opensSupportNotesToTheAssignedPeerAndTheirSupervisor() {
        String julie = Demo.personId(jdbc, "Julie Roy");

        assertThat(api.get("/api/v1/people/" + julie + "/notes?kind=SUPPORT_NOTES", api.demoToken("peer"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get(
                                "/api/v1/people/" + julie + "/notes?kind=SUPPORT_NOTES&purpose=SUPERVISION",
                                api.demoToken("supervisor"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + julie + "/notes?kind=SUPPORT_NOTES", api.demoToken("supervisor"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/people/" + julie + "/notes", api.demoToken("peer2"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void correctsANoteByAmendmentWithoutLosingTheOriginal() {
        String psychiatrist = api.demoToken("psychiatrist");
        Api.Response written = api.post(
                "/api/v1/people/" + jordan + "/notes",
                psychiatrist,
                "{\"kind\":\"CARE_NOTES\",\"text\":\"Seen today.\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String id = written.json().get("id").asString();

        Api.Response amended =
                api.post("/api/v1/notes/" + id + "/amend", psychiatrist, "{\"text\":\"Seen today, by phone.\"}");

        assertThat(amended.status()).isEqualTo(201);
        assertThat(amended.json().get("amends").asString()).isEqualTo(id);
        JsonNode texts = api.get("/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES", psychiatrist)
                .json()
                .get("notes");
        assertThat(texts.findValuesAsString("text")).contains("Seen today.", "Seen today, by phone.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"kind\":\"CARE_NOTES\",\"text\":\"\"}",
                "{\"kind\":\"DIARY\",\"text\":\"x\"}",
                "{\"text\":\"no kind\"}",
                "{\"kind\":\"CARE_NOTES\",\"text\":\"x\",\"date\":\"2999-01-01\"}",
                "{\"kind\":\"CARE_NOTES\",\"text\":\"x\",\"date\":\"soon\"}",
                "nonsense"
            })
    void refusesBadNotesAndWritesNothing(String body) {
        long before = count();

        Api.Response response = api.post("/api/v1/people/" + jordan + "/notes", api.demoToken("psychiatrist"), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void letsOnlyTheCircleOfCareWriteCareNotes() {
        long before = count();

        Api.Response response = api.post(
                "/api/v1/people/" + jordan + "/notes",
                api.demoToken("admin"),
                "{\"kind\":\"CARE_NOTES\",\"text\":\"x\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void answersTheGuardsWhatIfForThePrivacyLead() {
        String admin = Demo.personId(jdbc, "Alexandra Morgan");
        String helene = Demo.personId(jdbc, "Hélène Tremblay");
        String privacy = api.demoToken("privacy");

        JsonNode refused = api.post(
                        "/api/v1/access/check",
                        privacy,
                        "{\"readerId\":\"" + admin + "\",\"subjectId\":\"" + jordan
                                + "\",\"recordKind\":\"CARE_NOTES\",\"purpose\":\"CARE\"}")
                .json();
        JsonNode allowed = api.post(
                        "/api/v1/access/check",
                        privacy,
                        "{\"readerId\":\"" + helene + "\",\"subjectId\":\"" + jordan
                                + "\",\"recordKind\":\"CARE_NOTES\",\"purpose\":\"CARE\"}")
                .json();

        assertThat(refused.get("allowed").asBoolean()).isFalse();
        assertThat(allowed.get("basis").asString()).isEqualTo("CIRCLE_OF_CARE");
        assertThat(api.post(
                                "/api/v1/access/check",
                                api.demoToken("peer2"),
                                "{\"readerId\":\"" + helene + "\",\"subjectId\":\"" + jordan
                                        + "\",\"recordKind\":\"CARE_NOTES\",\"purpose\":\"CARE\"}")
                        .status())
                .isEqualTo(403);
    }

    private long count() {
        return jdbc.sql("select count(*) from record_note").query(Long.class).single();
    }
}
