package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A person's relationships come a page at a time, newest first by when they were declared (issue
 * 20): relationships declared in the same moment are neither skipped nor shown twice, the ones a
 * reader may not see are left out before the page is cut (a colleague's pages are full and never
 * name them), and a cursor opens nothing.
 */
@IntegrationTest
class RelationshipPagesIntegrationTests {

    /** Declared in each of two moments, for each visibility. */
    private static final int SEEN_BY_STAFF = 20;

    private static final int PARTIES_ONLY = 10;

    @Autowired
    TestAgency demo;

    @Autowired
    RelationshipRegister register;

    @Autowired
    JdbcClient jdbc;

    TestAgency agency;
    Api api;
    Person subject;
    String subjectToken;
    String colleague;
    String privacyLead;
    List<String> older;
    List<String> newer;
    Set<String> staffSee;

    @BeforeEach
    void aParticipantHasManyRelationshipsDeclaredInTwoMoments() {
        agency = demo.inAgency("relationship pages");
        api = agency.api();
        subject =
                agency.person("Rhea Register").role(Role.PARTICIPANT).account().create();
        Person worker =
                agency.person("Cal Colleague").role(Role.PEER_WORKER).account().create();
        Person lead = agency.person("Pia Privacy")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        List<Person> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(agency.person("Other " + i).role(Role.PARTICIPANT).create());
        }
        subjectToken = agency.token(subject);
        colleague = agency.token(worker);
        privacyLead = agency.token(lead);
        staffSee = new HashSet<>();
        older = declareAtOnce(others);
        newer = declareAtOnce(others);
        // Relationships between others are never on the subject's pages.
        register.importAll(agency.id(), List.of(relationship(others.get(0), others.get(1), Visibility.STAFF)));
    }

    private List<String> declareAtOnce(List<Person> others) {
        List<Relationship> batch = new ArrayList<>();
        for (int i = 0; i < SEEN_BY_STAFF + PARTIES_ONLY; i++) {
            Visibility visibility = i < SEEN_BY_STAFF ? Visibility.STAFF : Visibility.PARTIES;
            Relationship r = relationship(subject, others.get(i % others.size()), visibility);
            batch.add(r);
            if (visibility == Visibility.STAFF) {
                staffSee.add(r.id().toString());
            }
        }
        // One batch: every relationship of it is declared in the same moment.
        register.importAll(agency.id(), batch);
        return batch.stream().map(r -> r.id().toString()).toList();
    }

    private Relationship relationship(Person a, Person b, Visibility visibility) {
        return new Relationship(
                RelationshipId.random(),
                agency.id(),
                RelationshipKind.FRIEND,
                a.id(),
                b.id(),
                null,
                null,
                RelationshipSource.DECLARED,
                null,
                visibility,
                null);
    }

    @Test
    void pagesThroughEveryRelationshipOnceNewestFirst() {
        long readsBefore = reads();

        List<List<String>> pages = walk("/api/v1/people/" + subject.id() + "/relationships?limit=7", subjectToken);

        List<String> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).hasSize(older.size() + newer.size()).doesNotHaveDuplicates();
        assertThat(seen.subList(0, newer.size()))
                .as("the newer moment first")
                .containsExactlyInAnyOrderElementsOf(newer);
        assertThat(pages).hasSize(9);
        assertThat(pages.subList(0, 8)).allSatisfy(page -> assertThat(page).hasSize(7));
        assertThat(reads() - readsBefore).as("every page is an audited read").isEqualTo(9);
    }

    @Test
    void leavesOutWhatAColleagueMayNotSeeBeforeCuttingThePage() {
        List<List<String>> pages = walk("/api/v1/people/" + subject.id() + "/relationships?limit=7", colleague);

        List<String> seen = pages.stream().flatMap(List::stream).toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(staffSee);
        assertThat(pages).hasSize(6);
        assertThat(pages.subList(0, 5))
                .as("no page comes out short")
                .allSatisfy(page -> assertThat(page).hasSize(7));

        assertThat(walk("/api/v1/people/" + subject.id() + "/relationships?limit=200", privacyLead))
                .singleElement()
                .satisfies(page -> assertThat(page).hasSize(older.size() + newer.size()));
    }

    @Test
    void refusesABadLimitOrCursorAndChangesNothing() {
        String relationships = "/api/v1/people/" + subject.id() + "/relationships";
        long entries = agency.rows("audit_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=201",
                "?limit=many",
                "?after=not-a-cursor",
                "?after=" + "A".repeat(400),
                "?after=" + Api.cursor("+1000000000-12-31T23:59:59Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=" + Api.cursor("2026-01-01T00:00:00Z|not-an-id"),
                "?after=" + Api.cursor("2026-01-01T00:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71|3"))) {
            Api.Response refused = api.get(relationships + bad, subjectToken);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(agency.rows("audit_entry"))
                .as("a refused page reads nothing")
                .isEqualTo(entries);
    }

    @Test
    void aCursorOpensNothingForSomeoneWhoMayNotSeeThePerson() {
        String next = api.get("/api/v1/people/" + subject.id() + "/relationships?limit=5", subjectToken)
                .next();
        assertThat(next).contains("limit=5").contains("after=");
        for (String stranger : List.of(demo.demoToken("peer"), demo.demoToken("privacy"))) {
            Api.Response refused = api.get(next, stranger);
            assertThat(refused.status()).as(refused.body()).isEqualTo(404);
            assertThat(refused.body()).doesNotContain(older.get(0)).doesNotContain(newer.get(0));
        }
    }

    @Test
    void thePageShowsFiftyAndALinkToOlderRelationships() {
        var browser = agency.browser(subject);
        var first = browser.get("/people/" + subject.id() + "/relationships");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(RelationshipRegister.PAGE);
        assertThat(first.body()).doesNotContain("Back to the newest");
        String link = first.body()
                .replaceAll("(?s).*href=\"([^\"]*relationships\\?after=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var second = browser.get(link);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(rows(second.body())).isEqualTo(older.size() + newer.size() - RelationshipRegister.PAGE);
        assertThat(second.body()).contains("Back to the newest").doesNotContain("Older relationships");
        assertThat(browser.get("/people/" + subject.id() + "/relationships?after=garbled")
                        .statusCode())
                .isEqualTo(400);
    }

    /** Every page from the first, following the {@code Link} header, each page's ids. */
    private List<List<String>> walk(String first, String token) {
        List<List<String>> pages = new ArrayList<>();
        for (Api.Response page : api.pages(first, token)) {
            List<String> ids = new ArrayList<>();
            for (JsonNode r : page.json()) {
                ids.add(r.get("id").asString());
            }
            pages.add(ids);
        }
        return pages;
    }

    private static int rows(String html) {
        return html.split("<span aria-hidden=\"true\">↔</span>", -1).length - 1;
    }

    private long reads() {
        return jdbc.sql("""
                        select count(*) from audit_entry where subject_id = :p and action = 'READ'
                          and record_kind = 'RELATIONSHIPS'
                        """).param("p", subject.id().value()).query(Long.class).single();
    }
}
