package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Checks reveal nothing to bystanders (finding 9 of issue 13): a conflict check about two other
 * people answers only the privacy lead and those who coordinate the subject's program, masked; a
 * stored timesheet decision keeps its reason masked for readers who may not see the relationship.
 * Hélène Tremblay treats Jordan Lee, a relationship only they and the privacy lead may see.
 */
@IntegrationTest
class BystanderChecksIntegrationTests {

    static final String CARE = "The two are in a care relationship";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String helene;
    String jordan;
    String tag;

    @BeforeEach
    void setUp() {
        api = agency.api();
        helene = Demo.personId(jdbc, "Hélène Tremblay");
        jordan = Demo.personId(jdbc, "Jordan Lee");
        tag = TestAgency.tag();
    }

    @Test
    void refusesAStaffMemberAskingAboutTwoOthersAndRecordsIt() {
        String peer2 = Demo.personId(jdbc, "Marc-André Gagnon");
        long before = refusedChecks(peer2);

        Api.Response asked = check(api.demoToken("peer2"), helene, jordan);

        assertThat(asked.status()).as(asked.body()).isEqualTo(403);
        assertThat(asked.contentType()).contains("problem+json");
        assertThat(asked.body()).doesNotContain("BLOCK").doesNotContain("declared-relationship");
        assertThat(refusedChecks(peer2)).isEqualTo(before + 1);
    }

    @Test
    void refusesAnAdministratorAskingAboutTwoOthers() {
        assertThat(check(api.demoToken("admin"), helene, jordan).status()).isEqualTo(403);
    }

    @Test
    void refusesACoordinatorOfAnotherProgram() {
        String token = coordinator(Role.SUPERVISOR, agency.program("Wellness Groups"));

        assertThat(check(token, helene, jordan).status()).isEqualTo(403);
    }

    @Test
    void answersACoordinatorOfTheSubjectsProgramWithoutTheHiddenRelationshipsKind() {
        String token = coordinator(Role.MANAGER, agency.peerSupport());

        Api.Response asked = check(token, helene, jordan);

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode decision = asked.json();
        assertThat(decision.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(decision.get("reasons").get(0).get("rule").asString()).isEqualTo("declared-relationship");
        assertThat(decision.toString()).doesNotContain("TREATS").doesNotContain(CARE);
    }

    @Test
    void showsThePrivacyLeadTheRelationship() {
        Api.Response asked = check(api.demoToken("privacy"), helene, jordan);

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("reasons").get(0).get("relationship").asString())
                .isEqualTo("TREATS");
    }

    @Test
    void masksTheStoredReasonOfATimesheetDecisionForAdministratorsAndManagers() {
        String entry = hoursRefusedToHelene();
        String manager = coordinator(Role.MANAGER, null);

        String byAdmin = decisions(entry, api.demoToken("admin"));
        String byManager = decisions(entry, manager);

        assertThat(byAdmin).contains("REFUSED_BY_POLICY").doesNotContain(CARE).contains("declared relationship");
        assertThat(byManager).contains("REFUSED_BY_POLICY").doesNotContain(CARE).contains("declared relationship");
    }

    @Test
    void showsTheApproverTheReasonTheySaw() {
        String entry = hoursRefusedToHelene();

        assertThat(decisions(entry, api.demoToken("psychiatrist"))).contains(CARE);
    }

    private String hoursRefusedToHelene() {
        String entry = agency.hoursWaitingFor(
                api.demoToken("peer"),
                new org.mutuality.directory.PersonId(java.util.UUID.fromString(helene)),
                "2",
                "Drop-in");
        Api.Response refused =
                api.post("/api/v1/timesheets/" + entry + "/approve", api.demoToken("psychiatrist"), "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        return entry;
    }

    private String decisions(String entry, String token) {
        Api.Response read = api.get("/api/v1/timesheets/" + entry + "/decisions", token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.body();
    }

    private Api.Response check(String token, String actor, String subject) {
        return api.post(
                "/api/v1/conflicts/check",
                token,
                "{\"action\":\"APPROVE_TIMESHEET\",\"actorId\":\"" + actor + "\",\"subjectId\":\"" + subject + "\"}");
    }

    /** A new coordinator with this role in a program (or across the agency), signed in to the API. */
    private String coordinator(Role role, @Nullable Program program) {
        String username = role.name().toLowerCase() + "-" + tag;
        TestAgency.NewPerson cora = agency.person("Cora " + username).account(username);
        (program == null ? cora.roleAcrossAgency(role) : cora.role(role, program)).create();
        return agency.token(username);
    }

    private long refusedChecks(String actor) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and record_kind = 'CONFLICT_CHECK'"
                        + " and outcome = 'DENIED'")
                .param("a", UUID.fromString(actor))
                .query(Long.class)
                .single();
    }
}
