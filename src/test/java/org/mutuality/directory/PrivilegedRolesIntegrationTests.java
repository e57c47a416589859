package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Privileged roles take two people, never the one receiving it; ending a role takes effect at once. */
@IntegrationTest
class PrivilegedRolesIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @Test
    void refusesAnAdministratorWhoGivesThemselvesThePrivacyLeadRole() {
        String alex = Demo.personId(jdbc, "Alexandra Morgan");
        int before = roles(alex);

        Api.Response given = api.post(
                "/api/v1/people/" + alex + "/roles", api.demoToken("admin"), Api.json(Map.of("role", "PRIVACY_LEAD")));

        assertThat(given.status()).isEqualTo(403);
        assertThat(roles(alex)).isEqualTo(before);
        assertThat(api.get("/api/v1/audit/entries", api.demoToken("admin")).status())
                .isEqualTo(403);
    }

    @Test
    void recordsTheRefusalOfAnAdministratorWhoGivesThemselvesAPrivilegedRoleOnThePage() {
        String alex = Demo.personId(jdbc, "Alexandra Morgan");
        int before = roles(alex);
        long refused = refusedWrites(alex);
        BrowserSession page = agency.demoBrowser("admin");
        page.get("/people/" + alex);

        int status = page.post(
                        "/people/" + alex + "/roles",
                        Map.of(
                                "role",
                                "PRIVACY_LEAD",
                                "startDate",
                                agency.today().toString()))
                .statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(roles(alex)).isEqualTo(before);
        assertThat(refusedWrites(alex)).isEqualTo(refused + 1);
    }

    /** The administrator role, proposed by the demo administrator for a peer worker with an account. */
    record Proposal(String id, String token, Api.Response response, String confirm) {}

    private Proposal administratorProposed() {
        String username = "two-" + TestAgency.tag();
        String id =
                staff("Proposed supervisor", Role.PEER_WORKER, username).id().toString();
        Api.Response proposed = api.post(
                "/api/v1/people/" + id + "/roles", api.demoToken("admin"), Api.json(Map.of("role", "ADMINISTRATOR")));
        String confirm =
                "/api/v1/people/" + id + "/roles/" + proposed.json().get("id").asString() + "/confirm";
        return new Proposal(id, agency.token(username), proposed, confirm);
    }

    @Test
    void holdsAProposedPrivilegedRoleAwaitingConfirmation() {
        Proposal proposal = administratorProposed();

        assertThat(proposal.response.status()).as(proposal.response.body()).isEqualTo(201);
        assertThat(proposal.response.json().get("awaitingConfirmation").asBoolean())
                .isTrue();
        assertThat(addsAPerson(proposal.token)).isEqualTo(403);
    }

    @Test
    void tellsThePersonAndThePrivacyLeadOfAProposedPrivilegedRole() {
        int privacyNotices = notices(Demo.personId(jdbc, "Priya Shah"));

        Proposal proposal = administratorProposed();

        assertThat(notices(proposal.id)).isEqualTo(1);
        assertThat(notices(Demo.personId(jdbc, "Priya Shah"))).isEqualTo(privacyNotices + 1);
    }

    /** The administrator who proposed it, the person receiving it, a peer worker. */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "SELF", "peer"})
    void refusesTheConfirmationOfAnyoneButASecondPrivilegedPerson(String caller) {
        Proposal proposal = administratorProposed();
        String token = caller.equals("SELF") ? proposal.token : api.demoToken(caller);

        assertThat(api.post(proposal.confirm, token, "").status()).isEqualTo(403);
        assertThat(addsAPerson(proposal.token)).isEqualTo(403);
    }

    @Test
    void givesTheRoleOnceThePrivacyLeadConfirmsIt() {
        Proposal proposal = administratorProposed();

        Api.Response confirmed = api.post(proposal.confirm, api.demoToken("privacy"), "");

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(addsAPerson(proposal.token)).isEqualTo(201);
    }

    @Test
    void refusesASecondConfirmation() {
        Proposal proposal = administratorProposed();
        api.post(proposal.confirm, api.demoToken("privacy"), "");

        assertThat(api.post(proposal.confirm, api.demoToken("privacy"), "").status())
                .isEqualTo(409);
    }

    @Test
    void refusesTheConfirmationOfTheOneReceivingTheRole() {
        String username = "two-" + TestAgency.tag();
        String id = staff("Would-be privacy lead", Role.ADMINISTRATOR, username)
                .id()
                .toString();
        String token = agency.token(username);
        Api.Response proposed = api.post(
                "/api/v1/people/" + id + "/roles", api.demoToken("admin"), Api.json(Map.of("role", "PRIVACY_LEAD")));

        Api.Response selfConfirmed = api.post(
                "/api/v1/people/" + id + "/roles/" + proposed.json().get("id").asString() + "/confirm", token, "");

        assertThat(selfConfirmed.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/entries", token).status()).isEqualTo(403);
    }

    @Test
    void givesAnOrdinaryRoleAtOnce() {
        Person person = staff("New volunteer", Role.PARTICIPANT, null);

        Api.Response given = api.post(
                "/api/v1/people/" + person.id().value() + "/roles",
                api.demoToken("admin"),
                Api.json(Map.of("role", "VOLUNTEER_PEER")));

        assertThat(given.status()).isEqualTo(201);
        assertThat(given.json().get("awaitingConfirmation").asBoolean()).isFalse();
    }

    @Test
    void endsARoleAtOnceWhenItEndsToday() {
        String username = "two-" + TestAgency.tag();
        Person person = staff("Leaving administrator", Role.ADMINISTRATOR, username);
        String token = agency.token(username);
        assertThat(api.get("/api/v1/people?query=a", token).status()).isEqualTo(200);
        String roleId = person.roles().get(0).id().value().toString();

        Api.Response ended = api.post(
                "/api/v1/people/" + person.id().value() + "/roles/" + roleId + "/end", api.demoToken("admin"), "{}");

        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("endDate").asString())
                .isEqualTo(agency.today().toString());
        // Ending a role ends the person's sessions and tokens at once (they sign in again with what is left).
        assertThat(api.get("/api/v1/people?query=a", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/people?query=a", agency.token(username)).status())
                .isEqualTo(403);
    }

    private int addsAPerson(String token) {
        return api.post("/api/v1/people", token, Api.json(Map.of("legalName", "Added by a new administrator")))
                .status();
    }

    /** A new staff member across the agency, with an account if a user name is given. */
    private Person staff(String name, Role role, @Nullable String username) {
        TestAgency.NewPerson person =
                agency.person(name + " " + TestAgency.tag()).roleAcrossAgency(role);
        return (username == null ? person : person.account(username)).create();
    }

    private int roles(String person) {
        return jdbc.sql("select count(*) from person_role where person_id = :p")
                .param("p", UUID.fromString(person))
                .query(Integer.class)
                .single();
    }

    /** The administrator's refused changes to their own record. */
    private long refusedWrites(String person) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :p and subject_id = :p"
                        + " and action = 'WRITE' and outcome = 'DENIED'")
                .param("p", UUID.fromString(person))
                .query(Long.class)
                .single();
    }

    private int notices(String person) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind <> 'ACCOUNT_OPENED'")
                .param("p", UUID.fromString(person))
                .query(Integer.class)
                .single();
    }
}
