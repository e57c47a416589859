package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The referrals list comes a page at a time, newest first (issue 20): every referral the reader may
 * see once, none of another program, another agency or one the person withheld from them, and no
 * page cut short by a withheld one.
 */
@IntegrationTest
class ReferralPagesIntegrationTests {

    /** Referrals to the coordinated program, every fifth about the person who withheld them. */
    private static final int COORDINATED = 65;

    private static final int WITHHELD = 13;

    @Autowired
    TestAgency demo;

    @Autowired
    JdbcClient jdbc;

    TestAgency agency;
    Api api;
    Person coordinator;
    Person lou;
    Person private_;
    String coordinatorToken;
    String louToken;
    List<String> visible;
    List<String> louOwn;
    List<String> closed;
    List<String> otherProgram;

    @BeforeEach
    void aCoordinatorHasManyReferralsOfTheSameMoment() {
        agency = demo.inAgency("Referral pages");
        api = agency.api();
        Program peerSupport = agency.peerSupport();
        Program clinic = agency.program("Clinic");
        coordinator = agency.person("Cora Pages")
                .role(Role.SUPERVISOR, peerSupport)
                .account()
                .create();
        Person other = agency.person("Oli Elsewhere")
                .role(Role.SUPERVISOR, clinic)
                .account()
                .create();
        lou = agency.person("Lou Pages").role(Role.PARTICIPANT).account().create();
        private_ = agency.person("Pia Private").role(Role.PARTICIPANT).account().create();
        List<Person> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(agency.person("Sam " + i).role(Role.PARTICIPANT).create());
        }
        coordinatorToken = agency.token(coordinator);
        louToken = agency.token(lou);
        Api.Response lockbox = api.post(
                "/api/v1/people/" + private_.id() + "/consent-directives",
                agency.token(private_),
                Api.json(Map.of(
                        "withheldFrom", coordinator.id().value().toString(),
                        "recordKind", "REFERRALS",
                        "note", "Not this coordinator.")));
        assertThat(lockbox.status()).as(lockbox.body()).isEqualTo(201);

        Instant moment = Instant.parse("2026-11-02T10:00:00Z");
        visible = new ArrayList<>();
        louOwn = new ArrayList<>();
        for (int i = 0; i < COORDINATED; i++) {
            PersonId about = i % 5 == 4
                    ? private_.id()
                    : i % 5 == 0 ? lou.id() : others.get(i % 3).id();
            // Pairs of referrals arrive in the same moment: the id decides between them.
            String id = referral(about, peerSupport, coordinator.id(), "RECEIVED", moment.minusSeconds(i / 2));
            if (!about.equals(private_.id())) {
                visible.add(id);
            }
            if (about.equals(lou.id())) {
                louOwn.add(id);
            }
        }
        closed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            closed.add(referral(others.get(0).id(), peerSupport, coordinator.id(), "CLOSED", moment.minusSeconds(i)));
        }
        otherProgram = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            otherProgram.add(referral(others.get(1).id(), clinic, other.id(), "RECEIVED", moment.minusSeconds(i)));
        }
    }

    @Test
    void pagesThroughEveryVisibleReferralOnceNewestFirstAndNoPageComesOutShort() {
        assertThat(visible).hasSize(COORDINATED - WITHHELD);
        assertThat(walk("/api/v1/referrals?limit=10", coordinatorToken)).containsExactly(10, 10, 10, 10, 10, 2);
        // 52 fill four pages of 13 exactly; the oldest referral is withheld, so the fourth names no next page.
        assertThat(walk("/api/v1/referrals?limit=13", coordinatorToken)).containsExactly(13, 13, 13, 13);
        assertThat(walk("/api/v1/referrals", coordinatorToken)).containsExactly(30, 22);
    }

    @Test
    void auditsEveryReferralItShowsOrWithholdsOnceOverAWalk() {
        long allowed = reads("ALLOWED");
        long denied = reads("DENIED");
        walk("/api/v1/referrals?limit=7", coordinatorToken);
        assertThat(reads("ALLOWED") - allowed).isEqualTo(COORDINATED - WITHHELD);
        assertThat(reads("DENIED") - denied).isEqualTo(WITHHELD);
    }

    @Test
    void everyReferralWithTheAllFilterKeepsTheFilterInTheNextLink() {
        Api.Response first = api.get("/api/v1/referrals?all=true&limit=20", coordinatorToken);
        assertThat(first.next()).contains("all=true").contains("limit=20").contains("after=");
        List<String> seen = ids("/api/v1/referrals?all=true&limit=20", coordinatorToken);
        List<String> expected = new ArrayList<>(visible);
        expected.addAll(closed);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seen).doesNotContainAnyElementsOf(otherProgram);
    }

    @Test
    void aParticipantPagesThroughTheirOwnReferralsOnly() {
        List<String> seen = ids("/api/v1/referrals?limit=5", louToken);
        assertThat(seen).containsExactlyElementsOf(louOwn);
        assertThat(walk("/api/v1/referrals?limit=5", louToken)).containsExactly(5, 5, 3);
        // Someone of another agency, and the demo's own coordinator, see none of them.
        List<String> outsider = ids("/api/v1/referrals?all=true&limit=200", demo.demoToken("supervisor"));
        assertThat(outsider).doesNotContainAnyElementsOf(visible).doesNotContainAnyElementsOf(closed);
    }

    @Test
    void refusesABadLimitOrCursorAndChangesNothing() {
        long entries = demo.rows("audit_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=201",
                "?after=not-a-cursor",
                "?after=" + Api.cursor("2026-11-02|2026-11-02T10:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=" + Api.cursor("+1000000000-12-31T23:59:59Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=" + Api.cursor("2026-11-02T10:00:00Z|not-an-id"))) {
            Api.Response refused = api.get("/api/v1/referrals" + bad, coordinatorToken);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(demo.rows("audit_entry")).as("a refused page reads nothing").isEqualTo(entries);
    }

    @Test
    void thePageShowsThirtyAndALinkToOlderReferrals() {
        var browser = agency.browser(coordinator);
        var first = browser.get("/referrals");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(first.body())).isEqualTo(Referrals.PAGE);
        assertThat(first.body()).doesNotContain("Back to the newest");
        String link = first.body()
                .replaceAll("(?s).*href=\"([^\"]*after=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var older = browser.get(link);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(rows(older.body())).isEqualTo(COORDINATED - WITHHELD - Referrals.PAGE);
        assertThat(older.body()).contains("Back to the newest").doesNotContain("Older referrals");
    }

    /** The size of each page, following the Link header; checks newest first and nothing twice. */
    private List<Integer> walk(String first, String token) {
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String previous = "9999";
        for (Api.Response page : api.pages(first, token)) {
            JsonNode body = page.json();
            for (JsonNode r : body) {
                String received = r.get("receivedAt").asString();
                assertThat(received).as("newest first").isLessThanOrEqualTo(previous);
                previous = received;
                seen.add(r.get("id").asString());
            }
            sizes.add(body.size());
        }
        assertThat(seen).doesNotHaveDuplicates();
        if (token.equals(coordinatorToken) && !first.contains("all=true")) {
            assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(visible);
        }
        return sizes;
    }

    private List<String> ids(String first, String token) {
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            Api.Response page = api.get(next, token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().forEach(r -> seen.add(r.get("id").asString()));
            next = page.next();
        }
        return seen;
    }

    private String referral(PersonId about, Program program, PersonId by, String status, Instant at) {
        UUID id = UUID.randomUUID();
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into referral (id, agency_id, person_id, program_id, referred_by, reason, languages,
                                              lived_experience, availability, status, received_at, updated_at, version)
                        values (:id, :agency, :person, :program, :by, 'Would like a peer', '', '', '', :status, :at, :at, 1)
                        """)
                .param("id", id)
                .param("agency", agency.id().value())
                .param("person", about.value())
                .param("program", program.id().value())
                .param("by", by.value())
                .param("status", status)
                .param("at", when)
                .update();
        return id.toString();
    }

    private long reads(String outcome) {
        return jdbc.sql("""
                        select count(*) from audit_entry where agency_id = :agency and actor_id = :actor
                          and action = 'READ' and record_kind = 'REFERRALS' and outcome = :outcome
                        """)
                .param("agency", agency.id().value())
                .param("actor", coordinator.id().value())
                .param("outcome", outcome)
                .query(Long.class)
                .single();
    }

    private static int rows(String html) {
        return html.split("href=\"/referrals/[0-9a-f-]{36}\"", -1).length - 1;
    }
}
