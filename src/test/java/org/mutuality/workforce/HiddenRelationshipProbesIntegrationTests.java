package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approver who may not see a relationship learns nothing of it from the timesheet flow (ADR
 * 0012): neither from who is offered to approve instead, nor from whom a hand-over is refused to.
 * The person with the hidden relationship is still stopped when they try to approve.
 *
 * <p>Each test builds an agency of its own, so the demo's people and lists stay as they are: in one
 * program and team, worker Wren (a peer worker), her approver Ada (a clinician who treats her, so
 * Ada's approval is blocked, with a reason Ada sees), two supervisors Robin and Sasha who could
 * approve instead, a manager who makes the assignments, and an administrator. Wren may then declare
 * that Robin is her partner: only the two of them and the privacy lead see that.
 */
@IntegrationTest
class HiddenRelationshipProbesIntegrationTests {

    @Autowired
    TestAgency demo;

    Api api;
    Agency agency;

    @BeforeEach
    void setUp() {
        api = demo.api();
        agency = new Agency();
    }

    @Test
    void offersTheSameAlternativesWhetherOrNotOneOfThemHasAHiddenRelationshipWithTheWorker() {
        String entry = agency.hours();
        Api.Response before = approve(agency.ada, entry);

        agency.wrenDeclaresRobinHerPartner();
        Api.Response after = approve(agency.ada, entry);

        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(alternatives(after)).containsExactlyElementsOf(alternatives(before));
        assertThat(after.body()).doesNotContain("PARTNER").doesNotContain("declared-relationship");
    }

    /**
     * The subject of a check does not act, so asking about a pairing that includes them answers on
     * what they may see: Dana, the administrator and Wren's sister, asking whether Robin may approve
     * Dana's hours learns the same before and after Wren declares Robin her partner (review,
     * 2026-12-02). Dana coordinates no program, so she sees only her own relationships.
     */
    @Test
    void answersTheSubjectOfACheckAlikeWhetherOrNotTheActorHasAHiddenRelationshipWithSomeoneClose() {
        agency.declare(agency.admin, "FAMILY", agency.wren, null);
        Api.Response before = check(agency.admin.token, agency.robin.id, agency.admin.id);

        agency.wrenDeclaresRobinHerPartner();
        Api.Response after = check(agency.admin.token, agency.robin.id, agency.admin.id);

        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(after.json().get("decision").asString())
                .isEqualTo(before.json().get("decision").asString());
        assertThat(after.body()).doesNotContain("PARTNER").doesNotContain("declared-relationship");
    }

    @Test
    void blocksTheApproverWhoTreatsTheWorkerAndOffersBothSupervisors() {
        Api.Response refused = approve(agency.ada, agency.hours());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(alternatives(refused)).contains(agency.robin.id, agency.sasha.id);
    }

    @Test
    void givesTheBlockedApproverTheSameListFromHerOwnConflictCheck() {
        Api.Response refused = approve(agency.ada, agency.hours());
        agency.wrenDeclaresRobinHerPartner();

        Api.Response asked = check(agency.ada.token, agency.ada.id, agency.wren.id);

        assertThat(alternatives(asked)).containsExactlyElementsOf(alternatives(refused));
    }

    @Test
    void leavesOutOfTheCoordinatorsListWhoeverTheHiddenRelationshipBlocks() {
        agency.wrenDeclaresRobinHerPartner();

        Api.Response asked = check(agency.manager.token, agency.ada.id, agency.wren.id);

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(alternatives(asked)).contains(agency.sasha.id).doesNotContain(agency.robin.id);
    }

    @Test
    void answersAnApproverProbingHandOversAlikeWhetherOrNotTheTargetHasAHiddenRelationship() {
        agency.wrenDeclaresRobinHerPartner();
        String toRobin = agency.hours();
        String toSasha = agency.hours();

        Api.Response robin = handOver(agency.ada.token, toRobin, agency.robin.id);
        Api.Response sasha = handOver(agency.ada.token, toSasha, agency.sasha.id);

        assertThat(robin.status()).as(robin.body()).isEqualTo(sasha.status());
        assertThat(robin.status()).as(robin.body()).isEqualTo(200);
        assertThat(withoutIds(robin.json())).isEqualTo(withoutIds(sasha.json()));
        assertThat(handOverRecord(toRobin, agency.admin.token)).isEqualTo(handOverRecord(toSasha, agency.admin.token));
    }

    @Test
    void answersAnAdministratorProbingHandOversAlike() {
        agency.wrenDeclaresRobinHerPartner();
        String toRobin = agency.hours();
        String toSasha = agency.hours();

        Api.Response robin = handOver(agency.admin.token, toRobin, agency.robin.id);
        Api.Response sasha = handOver(agency.admin.token, toSasha, agency.sasha.id);

        assertThat(robin.status()).as(robin.body()).isEqualTo(sasha.status());
        assertThat(withoutIds(robin.json())).isEqualTo(withoutIds(sasha.json()));
        assertThat(handOverRecord(toRobin, agency.admin.token)).isEqualTo(handOverRecord(toSasha, agency.admin.token));
    }

    @Test
    void stillRefusesAHandOverOnAConflictTheCallerMaySeeWithItsReason() {
        agency.declare(agency.wren, "FAMILY", agency.sasha, "STAFF");
        String entry = agency.hours();

        Api.Response toSasha = handOver(agency.ada.token, entry, agency.sasha.id);

        assertThat(toSasha.status()).as(toSasha.body()).isEqualTo(400);
        assertThat(toSasha.body()).contains("partners, former partners, family or live together");
        assertThat(api.get("/api/v1/timesheets/" + entry, agency.ada.token)
                        .json()
                        .get("approverId")
                        .asString())
                .isEqualTo(agency.ada.id);
    }

    @Test
    void stopsTheApproverWithTheHiddenRelationshipAndShowsThemTheirOwnReason() {
        String entry = handedToRobinAfterWrenDeclaresHimHerPartner();

        Api.Response refused = approve(agency.robin, entry);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("reasons").get(0).get("relationship").asString())
                .isEqualTo("PARTNER");
        assertThat(refused.json().get("entry").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(alternatives(refused)).contains(agency.sasha.id).doesNotContain(agency.robin.id);
    }

    @Test
    void letsTheStoppedApproverHandTheHoursToSomeoneWhoMayApproveThem() {
        String entry = handedToRobinAfterWrenDeclaresHimHerPartner();
        approve(agency.robin, entry);

        assertThat(handOver(agency.robin.token, entry, agency.sasha.id).status())
                .isEqualTo(200);
        Api.Response approved = approve(agency.sasha, entry);

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    @Test
    void keepsTheRefusalOnTheEntrysRecordWithoutTheHiddenRelationship() {
        String entry = handedToRobinAfterWrenDeclaresHimHerPartner();
        approve(agency.robin, entry);

        String byAdmin = api.get("/api/v1/timesheets/" + entry + "/decisions", agency.admin.token)
                .body();

        assertThat(byAdmin)
                .contains("REFUSED_BY_POLICY")
                .doesNotContain("partners")
                .contains("declared relationship");
    }

    private String handedToRobinAfterWrenDeclaresHimHerPartner() {
        agency.wrenDeclaresRobinHerPartner();
        String entry = agency.hours();
        assertThat(handOver(agency.ada.token, entry, agency.robin.id).status()).isEqualTo(200);
        return entry;
    }

    private Api.Response approve(Account approver, String entry) {
        return api.post("/api/v1/timesheets/" + entry + "/approve", approver.token, "{}");
    }

    private Api.Response handOver(String token, String entry, String to) {
        return api.post("/api/v1/timesheets/" + entry + "/hand-over", token, "{\"approverId\":\"" + to + "\"}");
    }

    private Api.Response check(String token, String actor, String subject) {
        return api.post(
                "/api/v1/conflicts/check",
                token,
                "{\"action\":\"APPROVE_TIMESHEET\",\"actorId\":\"" + actor + "\",\"subjectId\":\"" + subject + "\"}");
    }

    private static List<String> alternatives(Api.Response response) {
        List<String> ids = new ArrayList<>();
        response.json()
                .get("alternatives")
                .forEach(a -> ids.add(a.get("personId").asString()));
        return ids;
    }

    private static JsonNode withoutIds(JsonNode entry) {
        ObjectNode copy = (ObjectNode) entry.deepCopy();
        copy.remove("id");
        copy.remove("approverId");
        return copy;
    }

    /** The hand-over as the entry's record keeps it: the outcome and the policy's decision. */
    private List<String> handOverRecord(String entry, String token) {
        List<String> record = new ArrayList<>();
        api.get("/api/v1/timesheets/" + entry + "/decisions", token)
                .json()
                .forEach(d -> record.add(d.get("outcome").asString() + " " + d.get("policyDecision")));
        return record;
    }

    record Account(String id, String token) {}

    /** An agency of its own with the people above. */
    final class Agency {

        final TestAgency own = demo.inAgency("Probes");
        final Team team = own.team(own.peerSupport(), "Peer team");
        final Account manager = account(own.person("Morgan").role(Role.MANAGER));
        final Account admin = account(own.person("Dana").roleAcrossAgency(Role.ADMINISTRATOR));
        final Account wren = account(own.person("Wren").role(Role.PEER_WORKER, team));
        final Account ada = account(own.person("Ada").role(Role.CLINICIAN));
        final Account robin = account(own.person("Robin").role(Role.SUPERVISOR, team));
        final Account sasha = account(own.person("Sasha").role(Role.SUPERVISOR, team));

        Agency() {
            assign("APPROVES_TIME", ada, wren);
            assign("TREATS", ada, wren);
        }

        /** Hours Wren records, waiting for Ada. */
        String hours() {
            Api.Response recorded = api.post(
                    "/api/v1/timesheets",
                    wren.token,
                    "{\"date\":\"" + own.today().minusDays(1) + "\",\"hours\":2,\"activity\":\"Drop-in\"}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.json().get("approverId").asString()).isEqualTo(ada.id);
            return recorded.json().get("id").asString();
        }

        void wrenDeclaresRobinHerPartner() {
            declare(wren, "PARTNER", robin, null);
        }

        void declare(Account by, String kind, Account other, @Nullable String visibility) {
            own.relate(by.token, kind, personId(by), personId(other), visibility);
        }

        private void assign(String kind, Account a, Account b) {
            own.relate(manager.token, kind, personId(a), personId(b));
        }

        private Account account(TestAgency.NewPerson person) {
            Person created = person.account().create();
            return new Account(created.id().value().toString(), own.token(created));
        }

        private static PersonId personId(Account account) {
            return new PersonId(UUID.fromString(account.id));
        }
    }
}
