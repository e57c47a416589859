package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A worker's hours come a page at a time, newest first by the day worked (issue 20): every entry
 * once, entries recorded in the same moment included, and never a colleague's.
 */
@IntegrationTest
class TimesheetPagesIntegrationTests {

    private static final int RECORDED = 45;

    @Autowired
    TestAgency demo;

    @Autowired
    JdbcClient jdbc;

    TestAgency agency;
    Api api;
    Person worker;
    String workerToken;
    String colleagueToken;
    List<String> workers;
    List<String> colleagues;

    @BeforeEach
    void aWorkerAndAColleagueRecordManyHoursInTheSameMoments() {
        agency = demo.inAgency("Timesheet pages");
        api = agency.api();
        worker = agency.person("Wren Hours").role(Role.PEER_WORKER).account().create();
        Person colleague =
                agency.person("Xan Hours").role(Role.PEER_WORKER).account().create();
        workerToken = agency.token(worker);
        colleagueToken = agency.token(colleague);
        Instant moment = Instant.parse("2026-11-20T17:00:00Z");
        LocalDate today = agency.today();
        workers = new ArrayList<>();
        colleagues = new ArrayList<>();
        for (int i = 0; i < RECORDED; i++) {
            workers.add(entry(worker.id(), today.minusDays(i % 4), moment.minusSeconds(i % 2)));
            if (i % 4 == 0) {
                colleagues.add(entry(colleague.id(), today.minusDays(i % 3), moment));
            }
        }
    }

    @Test
    void pagesThroughEveryEntryOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        assertThat(walk("/api/v1/timesheets?limit=10", workerToken, seen)).containsExactly(10, 10, 10, 10, 5);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(workers);
        List<String> again = new ArrayList<>();
        assertThat(walk("/api/v1/timesheets", workerToken, again)).containsExactly(30, 15);
        assertThat(again).isEqualTo(seen);
    }

    @Test
    void aColleagueSeesOnlyTheirOwnHoursAndACursorOpensNoOneElses() {
        Api.Response first = api.get("/api/v1/timesheets?limit=5", workerToken);
        String after = first.next().substring(first.next().indexOf("after="));
        List<String> seen = new ArrayList<>();
        walk("/api/v1/timesheets?limit=5&" + after, colleagueToken, seen);
        // The cursor only says where to start: the colleague reads on through their own hours.
        assertThat(seen).isNotEmpty().doesNotContainAnyElementsOf(workers).isSubsetOf(colleagues);
        List<String> own = new ArrayList<>();
        walk("/api/v1/timesheets", colleagueToken, own);
        assertThat(own).containsExactlyInAnyOrderElementsOf(colleagues);
    }

    @Test
    void refusesABadLimitOrCursor() {
        long entries = demo.rows("timesheet_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=201",
                "?after=garbled!",
                "?after=" + Api.cursor("2026-11-20T17:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=" + Api.cursor("0000-01-01|2026-11-20T17:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"))) {
            Api.Response refused = api.get("/api/v1/timesheets" + bad, workerToken);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(demo.rows("timesheet_entry")).isEqualTo(entries);
    }

    @Test
    void thePageShowsThirtyAndALinkToOlderHours() {
        var browser = agency.browser(worker);
        var first = browser.get("/timesheets");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(Timesheets.PAGE);
        String link = first.body()
                .replaceAll("(?s).*href=\"([^\"]*after=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var older = browser.get(link);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(rows(older.body())).isEqualTo(RECORDED - Timesheets.PAGE);
        assertThat(older.body()).contains("Back to the newest").doesNotContain("Older hours");
    }

    private List<Integer> walk(String first, String token, List<String> seen) {
        List<Integer> sizes = new ArrayList<>();
        String previous = "9999-12-31";
        for (Api.Response page : api.pages(first, token)) {
            JsonNode body = page.json();
            for (JsonNode e : body) {
                String date = e.get("date").asString();
                assertThat(date).as("newest first").isLessThanOrEqualTo(previous);
                previous = date;
                seen.add(e.get("id").asString());
            }
            sizes.add(body.size());
        }
        assertThat(seen).doesNotHaveDuplicates();
        return sizes;
    }

    private String entry(PersonId person, LocalDate day, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into timesheet_entry (id, agency_id, person_id, work_date, hours, activity, status,
                                                     created_at, version)
                        values (:id, :agency, :person, :day, 2.5, 'Drop-in', 'SUBMITTED', :at, 1)
                        """)
                .param("id", id)
                .param("agency", agency.id().value())
                .param("person", person.value())
                .param("day", day)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id.toString();
    }

    private static int rows(String html) {
        return html.split("href=\"/timesheets/[0-9a-f-]{36}\"", -1).length - 1;
    }
}
