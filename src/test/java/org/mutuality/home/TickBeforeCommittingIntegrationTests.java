package org.mutuality.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ending a role and pausing one are steps a person cannot simply take back: the page asks for a
 * tick that says what follows, and a post without it (an old form, a forged request) changes
 * nothing and says why.
 */
@IntegrationTest
class TickBeforeCommittingIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoleEndsOnlyOnceTheAdministratorTickedWhatEndingDoes() {
        String tag = TestAgency.tag();
        Person worker =
                agency.person("Rowan Role " + tag).role(Role.PEER_WORKER).create();
        UUID role = roleOf(worker);
        BrowserSession admin = agency.demoBrowser("admin");
        assertThat(admin.get("/people/" + worker.id()).body())
                .contains("I understand: from that day Rowan Role " + tag + " no longer holds this role");

        admin.post(
                "/people/" + worker.id() + "/roles/" + role + "/end",
                Map.of("endDate", agency.today().toString()));
        assertThat(admin.get("/people/" + worker.id()).body()).contains("Tick the box to confirm first.");
        assertThat(open(role)).as("no tick, no end").isTrue();

        admin.post(
                "/people/" + worker.id() + "/roles/" + role + "/end",
                Map.of("endDate", agency.today().toString(), "confirm", "true"));
        assertThat(open(role)).isFalse();
    }

    @Test
    void aPauseStartsOnlyOnceTheManagerTickedWhatItDoes() {
        String tag = TestAgency.tag();
        Person worker = agency.person("Pia Pause " + tag).role(Role.PEER_WORKER).create();
        BrowserSession manager = agency.demoBrowser("manager");
        manager.get("/pauses");
        long before = agency.rows("role_pause");

        HttpResponse<String> unticked = manager.post(
                "/pauses",
                Map.of("personId", worker.id().toString(), "scopes", "LEADING_GROUPS", "reason", "A rest, agreed."));

        assertThat(unticked.statusCode()).isEqualTo(302);
        assertThat(manager.get("/pauses").body()).contains("Tick the box to confirm first.");
        assertThat(agency.rows("role_pause")).isEqualTo(before);
    }

    @Test
    void someoneWithoutTheRightIsRefusedAndAuditedWhetherOrNotTheyTicked() {
        BrowserSession peer = agency.demoBrowser("peer");
        peer.get("/");
        long before = agency.refusals("peer");

        HttpResponse<String> review =
                peer.post("/access/break-glass/" + UUID.randomUUID() + "/review", Map.of("outcome", "JUSTIFIED"));
        HttpResponse<String> restore = peer.post("/pauses/" + UUID.randomUUID() + "/return", Map.of());

        assertThat(review.statusCode()).isEqualTo(403);
        assertThat(restore.statusCode())
                .as("no such pause for them, ticked or not")
                .isEqualTo(404);
        assertThat(agency.refusals("peer")).as("the refused review is audited").isEqualTo(before + 1);
    }

    private UUID roleOf(Person person) {
        return jdbc.sql("select id from person_role where person_id = :p")
                .param("p", person.id().value())
                .query(UUID.class)
                .single();
    }

    private boolean open(UUID role) {
        return jdbc.sql("select count(*) from person_role where id = :id and end_date is null")
                        .param("id", role)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
