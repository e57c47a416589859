package org.mutuality.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A person's notes come a page at a time, newest first, through the guard on every page (issue 20):
 * however many notes there are, none is skipped or shown twice, even notes written in the same
 * moment, and a cursor opens nothing by itself.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class NotePagesIntegrationTests {

    private static final int WRITTEN = 45;

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Person participant;
    String clinician;
    String participantToken;
    List<String> written;

    @BeforeEach
    void aClinicianWritesManyNotesInTheSameMoment() {
        api = agency.api();
        String tag = TestAgency.tag();
        participant = agency.person("Paige Pages " + tag)
                .role(Role.SERVICE_USER, agency.program("Community Mental Health Clinic"))
                .account()
                .create();
        Person doctor = agency.person("Dr Page " + tag)
                .role(Role.CLINICIAN, agency.program("Community Mental Health Clinic"))
                .account()
                .create();
        agency.relate(api.demoToken("clinic-lead"), "TREATS", doctor.id(), participant.id());
        clinician = agency.token(doctor);
        participantToken = agency.token(participant);
        written = new ArrayList<>();
        for (int i = 0; i < WRITTEN; i++) {
            String text = "Visit " + i + " " + tag;
            Api.Response note = api.post(
                    "/api/v1/people/" + participant.id() + "/notes",
                    clinician,
                    Api.json(Map.of(
                            "kind",
                            "CARE_NOTES",
                            "date",
                            agency.today().minusDays(i % 3).toString(),
                            "text",
                            text)));
            assertThat(note.status()).as(note.body()).isEqualTo(201);
            written.add(text);
        }
    }

    @Test
    void pagesThroughEveryNoteOnceNewestFirst() {
        long readsBefore = allowedReads();
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/people/" + participant.id() + "/notes?kind=CARE_NOTES";
        int pages = 0;
        String previousDate = "9999-12-31";
        while (next != null) {
            Api.Response page = api.get(next, clinician);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            for (JsonNode note : body.get("notes")) {
                String date = note.get("date").asString();
                assertThat(date).as("newest first").isLessThanOrEqualTo(previousDate);
                previousDate = date;
                seen.add(note.get("text").asString());
            }
            pages++;
            next = body.get("next").has("CARE_NOTES")
                    ? body.get("next").get("CARE_NOTES").asString()
                    : null;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(WRITTEN);
        assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(written);
        assertThat(allowedReads() - readsBefore)
                .as("every page is an audited read")
                .isEqualTo(3);
    }

    @Test
    void answersTheAskedNumberAndTheNextLinkInAHeaderToo() {
        Api.Response page = api.get("/api/v1/people/" + participant.id() + "/notes?kind=CARE_NOTES&limit=7", clinician);
        assertThat(page.json().get("notes")).hasSize(7);
        String next = page.json().get("next").get("CARE_NOTES").asString();
        assertThat(next).contains("limit=7").contains("after=");

        Api.Response own = api.get("/api/v1/people/" + participant.id() + "/notes?limit=200", participantToken);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("notes")).hasSize(WRITTEN);
        assertThat(own.json().get("next").size()).isZero();
    }

    @Test
    void refusesABadLimitOrCursorAndChangesNothing() {
        String notes = "/api/v1/people/" + participant.id() + "/notes";
        String careCursor = cursorOf(notes + "?kind=CARE_NOTES&limit=1");
        long entries = agency.rows("audit_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=201",
                "?limit=many",
                "?after=not-a-cursor",
                "?after=" + "A".repeat(400),
                "?after="
                        + Api.cursor(
                                "CARE_NOTES|2026-12-02|+1000000000-12-31T23:59:59Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after="
                        + Api.cursor(
                                "CARE_NOTES|+6000000-01-01|2026-01-01T00:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after="
                        + Api.cursor("CARE_NOTES|0000-01-01|0000-01-01T00:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=U1VQUE9SVF9OT1RFU3wyMDI2LTAxLTAxfDIwMjYtMDEtMDFUMDA6MDA6MDBafG5vdC1hbi1pZA",
                "?kind=SUPPORT_NOTES&after=" + careCursor)) {
            Api.Response refused = api.get(notes + bad, clinician);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(agency.rows("audit_entry"))
                .as("a refused page reads nothing")
                .isEqualTo(entries);
    }

    @Test
    void aCursorOpensNothingForSomeoneOutsideTheCircle() {
        String after = cursorOf("/api/v1/people/" + participant.id() + "/notes?kind=CARE_NOTES&limit=5");
        for (String stranger : List.of("peer2", "admin", "researcher")) {
            Api.Response refused = api.get(
                    "/api/v1/people/" + participant.id() + "/notes?kind=CARE_NOTES&after=" + after,
                    api.demoToken(stranger));
            assertThat(refused.status()).as(stranger).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("Visit ");
        }
        Set<String> pageTwo = new HashSet<>(api.get(
                        "/api/v1/people/" + participant.id() + "/notes?kind=CARE_NOTES&limit=5&after=" + after,
                        participantToken)
                .json()
                .get("notes")
                .findValuesAsString("text"));
        assertThat(pageTwo).hasSize(5);
    }

    @Test
    void thePageShowsTwentyAndALinkToOlderNotes() {
        var browser = agency.browser(participant);
        var first = browser.get("/people/" + participant.id() + "/notes");
        assertThat(first.statusCode()).isEqualTo(200);
        String html = first.body();
        assertThat(html.split("class=\"note\"", -1).length - 1).isEqualTo(Records.PAGE);
        String link =
                html.replaceAll("(?s).*href=\"([^\"]*after=[^\"]*)\".*", "$1").replace("&amp;", "&");
        var older = browser.get(link);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body().split("class=\"note\"", -1).length - 1).isEqualTo(Records.PAGE);
        assertThat(older.body()).contains("Back to the newest");
    }

    private String cursorOf(String firstPage) {
        String next = api.get(firstPage, clinician)
                .json()
                .get("next")
                .get("CARE_NOTES")
                .asString();
        return next.substring(next.indexOf("after=") + "after=".length());
    }

    private long allowedReads() {
        return jdbc.sql("""
                        select count(*) from audit_entry where subject_id = :p and outcome = 'ALLOWED'
                          and action = 'READ'
                        """)
                .param("p", participant.id().value())
                .query(Long.class)
                .single();
    }
}
