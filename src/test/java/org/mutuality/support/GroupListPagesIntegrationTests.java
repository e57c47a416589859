package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * The list of groups comes a page at a time, newest first (issue 20): every group the reader leads,
 * coordinates or belongs to once, and no group of another program, a group left, or another agency.
 */
@IntegrationTest
class GroupListPagesIntegrationTests {

    private static final int COORDINATED = 40;

    @Autowired
    TestAgency demo;

    @Autowired
    JdbcClient jdbc;

    TestAgency agency;
    Api api;
    Person coordinator;
    String coordinatorToken;
    String memberToken;
    List<String> peerSupportGroups;
    List<String> joined;
    List<String> left;

    @BeforeEach
    void twoProgramsStartManyGroupsInTheSameMoments() {
        agency = demo.inAgency("Group pages");
        api = agency.api();
        Program peerSupport = agency.peerSupport();
        Program clinic = agency.program("Clinic");
        coordinator = agency.person("Cora Groups")
                .role(Role.SUPERVISOR, peerSupport)
                .account()
                .create();
        Person leader = agency.person("Lee Leads").role(Role.PEER_WORKER).create();
        Person clinicLeader =
                agency.person("Bo Leads").role(Role.PEER_WORKER, clinic).create();
        Person member = agency.person("Mo Member")
                .role(Role.PARTICIPANT, clinic)
                .account()
                .create();
        coordinatorToken = agency.token(coordinator);
        memberToken = agency.token(member);
        Instant moment = Instant.parse("2026-10-01T09:00:00Z");
        peerSupportGroups = new ArrayList<>();
        for (int i = 0; i < COORDINATED; i++) {
            peerSupportGroups.add(group(peerSupport, leader.id(), "Walk " + i, moment.minusSeconds(i / 3)));
        }
        joined = new ArrayList<>();
        left = new ArrayList<>();
        LocalDate today = agency.today();
        for (int i = 0; i < 12; i++) {
            String group = group(clinic, clinicLeader.id(), "Clinic circle " + i, moment.minusSeconds(i / 2));
            if (i % 3 == 0) {
                member(group, member.id(), today.minusDays(30), today.minusDays(1));
                left.add(group);
            } else if (i % 3 == 1) {
                member(group, member.id(), today.minusDays(30), null);
                joined.add(group);
            }
        }
    }

    @Test
    void aCoordinatorPagesThroughTheProgramsGroupsOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        assertThat(walk("/api/v1/groups?limit=7", coordinatorToken, seen)).containsExactly(7, 7, 7, 7, 7, 5);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(peerSupportGroups);
        List<String> again = new ArrayList<>();
        assertThat(walk("/api/v1/groups", coordinatorToken, again)).containsExactly(30, 10);
        assertThat(again).isEqualTo(seen);
    }

    @Test
    void aMemberSeesOnlyTheGroupsTheyBelongToNow() {
        List<String> seen = new ArrayList<>();
        assertThat(walk("/api/v1/groups?limit=3", memberToken, seen)).containsExactly(3, 1);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(joined).doesNotContainAnyElementsOf(left);
        List<String> outsider = new ArrayList<>();
        walk("/api/v1/groups?limit=200", demo.demoToken("supervisor"), outsider);
        assertThat(outsider).doesNotContainAnyElementsOf(peerSupportGroups).doesNotContainAnyElementsOf(joined);
    }

    @Test
    void refusesABadLimitOrCursor() {
        long entries = demo.rows("audit_entry");
        for (String bad : List.of(
                "?limit=0",
                "?limit=201",
                "?after=not*a*cursor",
                "?after=" + Api.cursor("2026-10-01|2026-10-01T09:00:00Z|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"),
                "?after=" + Api.cursor("yesterday|8e1b561d-c7b1-4efb-b513-4182ddd6dc71"))) {
            Api.Response refused = api.get("/api/v1/groups" + bad, coordinatorToken);
            assertThat(refused.status()).as(bad + " " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(demo.rows("audit_entry")).isEqualTo(entries);
    }

    @Test
    void thePageShowsThirtyAndALinkToOlderGroups() {
        var browser = agency.browser(coordinator);
        var first = browser.get("/groups");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().split("<strong>Walk ", -1).length - 1).isEqualTo(Groups.PAGE);
        String link = first.body()
                .replaceAll("(?s).*href=\"([^\"]*after=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var older = browser.get(link);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body().split("<strong>Walk ", -1).length - 1).isEqualTo(COORDINATED - Groups.PAGE);
        assertThat(older.body()).contains("Back to the newest").doesNotContain("Older groups");
    }

    private List<Integer> walk(String first, String token, List<String> seen) {
        List<Integer> sizes = new ArrayList<>();
        for (Api.Response page : api.pages(first, token)) {
            JsonNode body = page.json();
            body.forEach(g -> seen.add(g.get("id").asString()));
            sizes.add(body.size());
        }
        assertThat(seen).doesNotHaveDuplicates();
        return sizes;
    }

    private String group(Program program, PersonId leader, String name, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into support_group (id, agency_id, program_id, name, leader_id, created_at)
                        values (:id, :agency, :program, :name, :leader, :at)
                        """)
                .param("id", id)
                .param("agency", agency.id().value())
                .param("program", program.id().value())
                .param("name", name)
                .param("leader", leader.value())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
        return id.toString();
    }

    private void member(String group, PersonId person, LocalDate joined, @Nullable LocalDate leftOn) {
        jdbc.sql("""
                        insert into group_member (id, agency_id, group_id, person_id, joined_on, left_on,
                                                  conflict_decision, added_by)
                        values (:id, :agency, :group, :person, :joined, :left, 'ALLOW', :person)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.id().value())
                .param("group", UUID.fromString(group))
                .param("person", person.value())
                .param("joined", joined)
                .param("left", leftOn)
                .update();
    }
}
