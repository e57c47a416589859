package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The privacy lead's audit search comes a page at a time, as a person's access log does (issue 20):
 * newest first, then by id, the next page after the {@code before} cursor its {@code Link} header
 * names with the same filters; every filter applies before the page is cut, so a page is never short
 * while older matches remain, and another agency's entries never appear.
 */
@IntegrationTest
class AuditSearchPagesIntegrationTests {

    private static final Pattern OLDER = Pattern.compile("href=\"(/audit\\?[^\"]*before=[^\"]+)\"");

    private static final int READS = 140;

    private static final int WRITES = 80;

    @Autowired
    TestAgency demo;

    @Autowired
    AuditStore store;

    TestAgency agency;
    Api api;
    Person lead;
    Person reader;
    Person writer;
    Person subject;
    String privacyLead;

    @BeforeEach
    void manyEntriesAboutOnePersonInTheSameMoment() {
        agency = demo.inAgency("audit pages");
        api = agency.api();
        lead = agency.person("Lea Lead")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        reader = agency.person("Rae Reader").role(Role.PEER_WORKER).create();
        writer = agency.person("Wren Writer").role(Role.PEER_WORKER).create();
        subject = agency.person("Sol Subject").role(Role.PARTICIPANT).create();
        privacyLead = agency.token(lead);
        Instant moment = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // Three moments, many entries in each: a page often ends inside one.
        for (int i = 0; i < READS + WRITES; i++) {
            store.insert(
                    AuditEvent.by(
                                    agency.signedIn(i < READS ? reader : writer),
                                    i < READS ? AuditAction.READ : AuditAction.WRITE,
                                    AuditOutcome.ALLOWED)
                            .about(subject.id().value(), "SUPPORT_NOTES", "note-" + i),
                    moment.minusSeconds(i % 3));
        }
        // The same person's id in another agency's log is never found from this one.
        TestAgency other = demo.inAgency("audit pages elsewhere");
        Person stranger = other.person("Stan Stranger").role(Role.PEER_WORKER).create();
        for (int i = 0; i < 10; i++) {
            store.insert(
                    AuditEvent.by(other.signedIn(stranger), AuditAction.READ, AuditOutcome.ALLOWED)
                            .about(subject.id().value(), "SUPPORT_NOTES", "elsewhere-" + i),
                    moment);
        }
    }

    @Test
    void pagesThroughEveryMatchOnceWithTheSameFilters() {
        List<List<JsonNode>> pages = walk("/api/v1/audit/entries?actorId=" + writer.id() + "&subjectId=" + subject.id()
                + "&action=write&limit=30");

        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.forEach(e -> {
            assertThat(e.get("action").asString()).isEqualTo("WRITE");
            assertThat(e.get("actorId").asString()).isEqualTo(writer.id().toString());
            ids.add(e.get("id").asString());
        }));
        assertThat(ids).hasSize(WRITES).doesNotHaveDuplicates();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0)).hasSize(30);
        assertThat(pages.get(1)).as("no page comes out short").hasSize(30);

        List<String> byActor = new ArrayList<>();
        walk("/api/v1/audit/entries?actorId=" + reader.id() + "&limit=50")
                .forEach(page -> page.forEach(e -> byActor.add(e.get("recordId").asString())));
        assertThat(byActor).hasSize(READS).doesNotHaveDuplicates().noneMatch(r -> r.startsWith("elsewhere"));
    }

    @Test
    void refusesABadLimitOrCursorAndChangesNothing() {
        long entries = agency.rows("audit_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=501",
                "?before=yesterday",
                "?before=2026-12-01T00:00:00Z_not-an-id",
                "?before=-1000000000-01-01T00:00:00Z")) {
            Api.Response refused = api.get("/api/v1/audit/entries" + bad, privacyLead);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(agency.rows("audit_entry")).isEqualTo(entries);
        String next = api.get("/api/v1/audit/entries?subjectId=" + subject.id() + "&limit=5", privacyLead)
                .next();
        assertThat(next).contains("subjectId=" + subject.id()).contains("before=");
        Api.Response notALead = api.get(next, demo.demoToken("peer"));
        assertThat(notALead.status()).as("a cursor opens nothing").isEqualTo(403);
        assertThat(api.get(next, demo.demoToken("privacy")).json())
                .as("another agency's privacy lead finds nothing of this one")
                .isEmpty();
    }

    @Test
    void theAuditPageShowsTwoHundredAndALinkToOlderEntries() {
        var browser = agency.browser(lead);
        var first = browser.get("/audit?subjectId=" + subject.id());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(200);
        assertThat(first.body()).doesNotContain("Back to the newest");
        Matcher older = OLDER.matcher(first.body());
        assertThat(older.find()).as("a link to older entries").isTrue();
        String link = older.group(1).replace("&amp;", "&");
        assertThat(link).contains("subjectId=" + subject.id());

        var second = browser.get(link);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(rows(second.body())).isPositive();
        assertThat(second.body()).contains("Back to the newest");
        assertThat(browser.get("/audit?before=yesterday").statusCode()).isEqualTo(400);
    }

    private List<List<JsonNode>> walk(String first) {
        List<List<JsonNode>> pages = new ArrayList<>();
        for (Api.Response page : api.pages(first, privacyLead)) {
            List<JsonNode> entries = new ArrayList<>();
            page.json().forEach(entries::add);
            pages.add(entries);
        }
        return pages;
    }

    private static int rows(String html) {
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        return body.split("<tr>", -1).length - 1;
    }
}
