package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The code of conduct end to end, through the API and the pages, each test in an agency of its own
 * so a new version never reaches the demo's staff: every agency starts with Mutuality's text; the
 * privacy lead or a manager publishes new versions, which never replace the old; every staff member
 * attests the current one, at sign-in if need be; the report says who has not. Hostile cases: a peer
 * worker publishing, bad bodies, another agency's administrator, attesting for someone else, old and
 * unknown versions, a participant.
 */
@IntegrationTest
class CodeOfConductIntegrationTests {

    @Autowired
    TestAgency fixture;

    @Autowired
    JdbcClient jdbc;

    TestAgency own;
    Api api;
    Person manager;
    Person lead;
    Person peer;
    Person newcomer;
    Person participant;
    String managerToken;
    String peerToken;

    @BeforeEach
    void anAgencyWithStaffAndAParticipant() {
        own = fixture.inAgency("Conduct");
        api = own.api();
        manager = own.person("Mina Manager")
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        lead = own.person("Lee Privacy")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create();
        peer = own.person("Pat Peer").role(Role.PEER_WORKER).account().create();
        newcomer = own.person("Noor Newcomer")
                .role(Role.VOLUNTEER_PEER)
                .account()
                .unattested()
                .create();
        participant =
                own.person("Paz Participant").role(Role.PARTICIPANT).account().create();
        managerToken = own.token(manager);
        peerToken = own.token(peer);
    }

    @Test
    void startsEveryNewAgencyWithMutualitysText() {
        Api.Response current = api.get("/api/v1/code-of-conduct", peerToken);

        assertThat(current.status()).as(current.body()).isEqualTo(200);
        JsonNode json = current.json();
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("startingText").asBoolean()).isTrue();
        assertThat(json.get("text").get("en").asString()).startsWith("# Our code of conduct");
        assertThat(json.get("text").get("fr").asString()).startsWith("# Notre code de conduite");
    }

    @Test
    void publishesANewVersionAndKeepsEveryEarlierOneReadable() {
        Api.Response published = publish(managerToken, "Adds a line about birthdays");

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(2);
        assertThat(published.json().get("publishedBy").asString())
                .isEqualTo(manager.id().value().toString());
        assertThat(api.get("/api/v1/code-of-conduct", peerToken)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(2);
        Api.Response first = api.get("/api/v1/code-of-conduct?version=1", peerToken);
        assertThat(first.json().get("startingText").asBoolean()).isTrue();
        assertThat(first.json().get("text").get("en").asString()).doesNotContain("birthdays");
        assertThat(api.get("/api/v1/code-of-conduct/versions", peerToken).json().size())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/code-of-conduct?version=3", peerToken).status())
                .isEqualTo(404);
        assertThat(auditEntries("POLICY_CHANGE", "CODE_OF_CONDUCT")).isEqualTo(1);

        Api.Response byLead = publish(own.token(lead), "The privacy lead adds a second line");
        assertThat(byLead.status()).as(byLead.body()).isEqualTo(200);
        assertThat(byLead.json().get("version").asInt()).isEqualTo(3);
    }

    @Test
    void refusesAPeerWorkerWhoTriesToPublishAndSavesNothing() {
        long refusals = own.refusals(peer.id());

        Api.Response refused = publish(peerToken, "A peer worker edits the code");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(versions()).isEqualTo(1);
        assertThat(own.refusals(peer.id())).isGreaterThan(refusals);
    }

    @Test
    void refusesABadBodyWithA400AndSavesNothing() {
        String en = "# Our code\n\nA long enough English text.";
        String fr = "# Notre code\n\nUn texte français assez long.";
        for (String body : new String[] {
            "{}",
            "{\"text\":{\"en\":\"" + "x".repeat(5) + "\",\"fr\":\"" + "y".repeat(40) + "\"},\"reason\":\"short en\"}",
            "{\"text\":{\"en\":\"" + "x".repeat(40) + "\"},\"reason\":\"no fr\"}",
            Api.json(Map.of("text", Map.of("en", en, "fr", fr))),
            Api.json(Map.of("text", Map.of("en", en, "fr", fr), "reason", "   ")),
            Api.json(Map.of("text", Map.of("en", en, "fr", fr), "reason", "r".repeat(1001))),
            Api.json(Map.of("text", Map.of("en", "x".repeat(20_001), "fr", fr), "reason", "too long")),
            "{\"text\":\"not an object\",\"reason\":\"x\"}",
            "not json"
        }) {
            Api.Response refused = api.put("/api/v1/code-of-conduct", managerToken, body);
            assertThat(refused.status()).as(body + " -> " + refused.body()).isEqualTo(400);
        }
        Api.Response current = api.get("/api/v1/code-of-conduct", managerToken);
        Api.Response unchanged = api.put(
                "/api/v1/code-of-conduct",
                managerToken,
                Api.json(Map.of(
                        "text",
                        Map.of(
                                "en", current.json().get("text").get("en").asString(),
                                "fr", current.json().get("text").get("fr").asString()),
                        "reason",
                        "Nothing changes")));
        assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(400);
        assertThat(versions()).isEqualTo(1);
    }

    @Test
    void attestsTheCurrentVersionOnlyAndKeepsWhoAttestedWhichAndWhen() {
        String token = own.token(newcomer);
        assertThat(status(token)).isEqualTo("1/null/true");

        Api.Response attested = api.post("/api/v1/me/attestation", token, "{\"version\":1}");
        assertThat(attested.status()).as(attested.body()).isEqualTo(200);
        assertThat(status(token)).isEqualTo("1/1/false");
        assertThat(api.post("/api/v1/me/attestation", token, "{\"version\":1}").status())
                .as("attesting again keeps the first attestation")
                .isEqualTo(200);

        publish(managerToken, "A second version");
        assertThat(status(token)).isEqualTo("2/1/true");
        Api.Response old = api.post("/api/v1/me/attestation", token, "{\"version\":1}");
        assertThat(old.status()).as(old.body()).isEqualTo(409);
        assertThat(api.post("/api/v1/me/attestation", token, "{\"version\":3}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/me/attestation", token, "{}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/attestation", token, "{\"version\":2}").status())
                .isEqualTo(200);
        assertThat(status(token)).isEqualTo("2/2/false");
        assertThat(jdbc.sql("select count(*) from code_of_conduct_attestation where person_id = :p")
                        .param("p", newcomer.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(auditEntries("WRITE", "CODE_OF_CONDUCT_ATTESTATION")).isEqualTo(3);
    }

    @Test
    void attestsOnlyForTheCallerNeverForSomeoneElse() {
        Api.Response forOther = api.post(
                "/api/v1/me/attestation",
                managerToken,
                Api.json(Map.of("version", 1, "personId", newcomer.id().value().toString())));

        // No route names the person: an extra field is ignored and the caller attests for themself.
        assertThat(forOther.status()).as(forOther.body()).isEqualTo(200);
        assertThat(status(own.token(newcomer))).isEqualTo("1/null/true");
        assertThat(jdbc.sql("select count(*) from code_of_conduct_attestation where person_id = :p")
                        .param("p", newcomer.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void givesAParticipantNothingToAttest() {
        String token = own.token(participant);

        assertThat(status(token)).isEqualTo("1/null/false");
        assertThat(api.post("/api/v1/me/attestation", token, "{\"version\":1}").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/code-of-conduct/attestations", token).status())
                .isEqualTo(403);
        BrowserSession browser = own.browser(participant);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void keepsAnotherAgencysAdministratorOutOfOurCode() {
        publish(managerToken, "Only for this agency");
        TestAgency other = fixture.inAgency("Conduct other");
        Person admin = other.person("Ola Admin")
                .roleAcrossAgency(Role.ADMINISTRATOR)
                .account()
                .create();
        String adminToken = other.token(admin);

        Api.Response theirs = api.get("/api/v1/code-of-conduct", adminToken);
        assertThat(theirs.json().get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/code-of-conduct?version=2", adminToken).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/me/attestation", adminToken, "{\"version\":2}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/code-of-conduct/attestations", adminToken).status())
                .as("an administrator is neither privacy lead nor manager")
                .isEqualTo(403);
        assertThat(versions()).isEqualTo(2);
        Person otherManager = other.person("Oli Manager")
                .roleAcrossAgency(Role.MANAGER)
                .account()
                .create();
        Api.Response report = api.get("/api/v1/code-of-conduct/attestations", other.token(otherManager));
        assertThat(report.body()).doesNotContain(peer.id().value().toString());
    }

    @Test
    void reportsWhoHasNotAttestedTheCurrentVersion() {
        Api.Response report = api.get("/api/v1/code-of-conduct/attestations", managerToken);

        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("currentVersion").asInt()).isEqualTo(1);
        assertThat(json.get("pending").asInt()).isEqualTo(1);
        assertThat(json.get("staff").get(0).get("name").asString()).isEqualTo("Noor Newcomer");
        assertThat(json.get("staff").get(0).get("attestedCurrent").asBoolean()).isFalse();
        assertThat(json.get("staff").size()).as("four staff, no participant").isEqualTo(4);
        assertThat(report.body()).doesNotContain("Paz Participant");
        assertThat(api.get("/api/v1/code-of-conduct/attestations", peerToken).status())
                .isEqualTo(403);
        assertThat(auditEntries("READ", "CODE_OF_CONDUCT_REPORT")).isEqualTo(1);
        HttpResponse<String> csv = own.browser(manager).get("/code-of-conduct/attestations.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,attested_version,attested_at,current_version,attested_current");
        assertThat(csv.body()).contains("Noor Newcomer,,,1,false").contains("Pat Peer,1,");

        publish(managerToken, "Everyone attests again");
        assertThat(api.get("/api/v1/code-of-conduct/attestations", own.token(lead))
                        .json()
                        .get("pending")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void holdsStaffAtTheAttestationPageAtTheirNextSignInButLeavesTheContactPagesOpen() {
        BrowserSession before = own.browser(peer);
        assertThat(before.get("/").statusCode()).isEqualTo(200);

        publish(managerToken, "A version to attest");
        assertThat(before.get("/people").statusCode())
                .as("a session already open goes on: the new version waits for the next sign-in")
                .isEqualTo(200);

        BrowserSession after = own.browser(peer);
        for (String page : new String[] {"/", "/people", "/account", "/timesheets", "/code-of-conduct"}) {
            HttpResponse<String> held = after.get(page);
            assertThat(held.statusCode()).as(page).isEqualTo(303);
            assertThat(held.headers().firstValue("Location").orElse("")).endsWith("/code-of-conduct/attest");
        }
        assertThat(after.get("/?lang=fr").headers().firstValue("Location").orElse(""))
                .endsWith("/code-of-conduct/attest?lang=fr");
        assertThat(after.get("/contact/form").statusCode()).isEqualTo(200);
        assertThat(after.get("/contact").headers().firstValue("Location").orElse(""))
                .doesNotContain("/code-of-conduct");
        assertThat(api.get("/api/v1/me", peerToken).status())
                .as("the API answers as usual")
                .isEqualTo(200);
        HttpResponse<String> page = after.get("/code-of-conduct/attest");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("I have read version 2 and will follow it");

        HttpResponse<String> attested = after.post("/code-of-conduct/attest", Map.of("version", "2"));
        assertThat(attested.statusCode()).isEqualTo(302);
        assertThat(after.get("/").statusCode()).isEqualTo(200);
        assertThat(after.get("/people").statusCode()).isEqualTo(200);
    }

    @Test
    void listsTheAttestationInTheParityReportAsTheSameRuleForEveryStaffMember() {
        Api.Response parity = api.get("/api/v1/parity", own.token(lead));

        assertThat(parity.status()).as(parity.body()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode r : parity.json().get("rows")) {
            if ("CODE_OF_CONDUCT_ATTESTATIONS".equals(r.get("key").asString())) {
                row = r;
            }
        }
        assertThat(row).as(parity.body()).isNotNull();
        assertThat(row.get("sameRule").asBoolean()).isTrue();
    }

    private Api.Response publish(String token, String reason) {
        Api.Response current = api.get("/api/v1/code-of-conduct", token);
        String en = current.json().get("text").get("en").asString();
        String fr = current.json().get("text").get("fr").asString();
        return api.put(
                "/api/v1/code-of-conduct",
                token,
                Api.json(Map.of(
                        "text",
                        Map.of("en", en + "\n\n" + reason + ".", "fr", fr + "\n\n" + reason + " (fr)."),
                        "reason",
                        reason)));
    }

    private String status(String token) {
        JsonNode json = api.get("/api/v1/me/attestation", token).json();
        return json.get("currentVersion").asInt() + "/"
                + (json.get("attestedVersion") == null
                                || json.get("attestedVersion").isNull()
                        ? "null"
                        : json.get("attestedVersion").asString())
                + "/" + json.get("due").asBoolean();
    }

    private long versions() {
        return jdbc.sql("select count(*) from code_of_conduct where agency_id = :a")
                .param("a", own.id().value())
                .query(Long.class)
                .single();
    }

    private long auditEntries(String action, String kind) {
        return jdbc.sql(
                        "select count(*) from audit_entry where agency_id = :a and action = :action and record_kind = :k")
                .param("a", own.id().value())
                .param("action", action)
                .param("k", kind)
                .query(Long.class)
                .single();
    }
}
