package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    Api api;
    Agency agency;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        agency = new Agency();
    }

    @Test
    void offersTheSameAlternativesWhetherOrNotOneOfThemHasAHiddenRelationshipWithTheWorker() {
        String entry = agency.hours();
        Api.Response before = api.post("/api/v1/timesheets/" + entry + "/approve", agency.ada.token, "{}");
        assertThat(before.status()).as(before.body()).isEqualTo(409);
        assertThat(before.json().get("decision").asString()).isEqualTo("BLOCK");

        agency.wrenDeclaresRobinHerPartner();
        Api.Response after = api.post("/api/v1/timesheets/" + entry + "/approve", agency.ada.token, "{}");

        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(alternatives(after)).containsExactlyElementsOf(alternatives(before));
        assertThat(alternatives(before)).contains(agency.robin.id, agency.sasha.id);
        assertThat(after.body()).doesNotContain("PARTNER").doesNotContain("declared-relationship");
        // Her own conflict check gives her the same list, since it is chosen on what she may see.
        Api.Response asked = check(agency.ada.token, agency.ada.id, agency.wren.id);
        assertThat(alternatives(asked)).containsExactlyElementsOf(alternatives(before));
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
        Api.Response declared = api.post(
                "/api/v1/relationships",
                agency.wren.token,
                Api.json(Map.of(
                        "kind",
                        "FAMILY",
                        "personAId",
                        agency.wren.id,
                        "personBId",
                        agency.sasha.id,
                        "visibility",
                        "STAFF")));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
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
    void stopsTheApproverWithTheHiddenRelationshipWhoSeesTheirOwnReasonAndHandsItOn() {
        agency.wrenDeclaresRobinHerPartner();
        String entry = agency.hours();
        assertThat(handOver(agency.ada.token, entry, agency.robin.id).status()).isEqualTo(200);

        Api.Response refused = api.post("/api/v1/timesheets/" + entry + "/approve", agency.robin.token, "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("reasons").get(0).get("relationship").asString())
                .isEqualTo("PARTNER");
        assertThat(refused.json().get("entry").get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(alternatives(refused)).contains(agency.sasha.id).doesNotContain(agency.robin.id);

        assertThat(handOver(agency.robin.token, entry, agency.sasha.id).status())
                .isEqualTo(200);
        Api.Response approved = api.post("/api/v1/timesheets/" + entry + "/approve", agency.sasha.token, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        String byAdmin = api.get("/api/v1/timesheets/" + entry + "/decisions", agency.admin.token)
                .body();
        assertThat(byAdmin)
                .contains("REFUSED_BY_POLICY")
                .doesNotContain("partners")
                .contains("declared relationship");
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

        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final LocalDate since = LocalDate.now(clock).minusYears(1);
        final AgencyId id = directory.createAgency("Probes " + tag, false);
        final Program program = directory.createProgram(id, "Peer Support", null);
        final Team team = directory.createTeam(id, program.id(), "Peer team");
        final Account manager = person("Morgan", Role.MANAGER, false);
        final Account admin = person("Dana", Role.ADMINISTRATOR, false);
        final Account wren = person("Wren", Role.PEER_WORKER, true);
        final Account ada = person("Ada", Role.CLINICIAN, false);
        final Account robin = person("Robin", Role.SUPERVISOR, true);
        final Account sasha = person("Sasha", Role.SUPERVISOR, true);

        Agency() {
            assign("APPROVES_TIME", ada, wren);
            assign("TREATS", ada, wren);
        }

        /** Hours Wren records, waiting for Ada. */
        String hours() {
            Api.Response recorded = api.post(
                    "/api/v1/timesheets",
                    wren.token,
                    "{\"date\":\"" + LocalDate.now(clock).minusDays(1) + "\",\"hours\":2,\"activity\":\"Drop-in\"}");
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            assertThat(recorded.json().get("approverId").asString()).isEqualTo(ada.id);
            return recorded.json().get("id").asString();
        }

        void wrenDeclaresRobinHerPartner() {
            Api.Response declared = api.post(
                    "/api/v1/relationships",
                    wren.token,
                    Api.json(Map.of("kind", "PARTNER", "personAId", wren.id, "personBId", robin.id)));
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        }

        private void assign(String kind, Account a, Account b) {
            Api.Response assigned = api.post(
                    "/api/v1/relationships",
                    manager.token,
                    Api.json(Map.of("kind", kind, "personAId", a.id, "personBId", b.id, "acknowledge", true)));
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        }

        private Account person(String name, Role role, boolean inTeam) {
            Person person = directory.register(
                    id,
                    new PersonDetails(name + " " + tag, null, null, null, null),
                    List.of(new AssignRole(
                            role,
                            role == Role.ADMINISTRATOR ? null : program.id(),
                            inTeam ? team.id() : null,
                            since,
                            null)));
            String username = name.toLowerCase() + "-" + tag;
            directory.openAccount(id, person.id(), username, PASSWORD);
            return new Account(person.id().value().toString(), api.token(username, PASSWORD));
        }
    }
}
