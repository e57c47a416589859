package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.DemoData;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sessions and tokens end when they must (issue 13, findings 4, 7, 11 and 14): deactivation, a lock,
 * a role ended and a password change reach open browser sessions at their next request; sessions
 * have an absolute lifetime; tokens a maximum one; a person sees and ends their own sessions.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class SessionsIntegrationTests {

    static final String PASSWORD = TestAgency.PASSWORD;
    static final Pattern ISSUED = Pattern.compile("<code class=\"token\">(mut_[^<]+)</code>");

    @Autowired
    Directory directory;

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void endsTheBrowserSessionOfADeactivatedPerson() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        assertThat(session.get(peer.notesPage()).statusCode()).isEqualTo(200);

        Api.Response deactivated = api.post("/api/v1/people/" + peer.id + "/deactivate", api.demoToken("admin"), "");

        assertThat(deactivated.status()).isEqualTo(200);
        assertSignedOut(session.get(peer.notesPage()));
        assertSignedOut(session.get("/people"));
    }

    @Test
    void refusesTheBrowserSessionCookieOnTheApi() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);

        HttpResponse<String> notes = session.get("/api/v1/people/" + peer.id + "/notes");

        assertThat(notes.statusCode()).isEqualTo(401);
    }

    @Test
    void endsTheBrowserSessionsOfALockedAccount() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);

        lockOut(peer);

        assertSignedOut(session.get(peer.notesPage()));
        assertThat(endReasons(peer)).containsExactly("LOCKED");
    }

    @Test
    void keepsTheTokensOfALockedAccountWorking() {
        Someone peer = someone(Role.PEER_WORKER);
        String token = api.token(peer.username, PASSWORD);

        lockOut(peer);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/auth/token",
                                null,
                                "{\"username\":\"" + peer.username + "\",\"password\":\"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void endsOtherSessionsAndTokensAtAPasswordChange() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession other = agency.browser(peer.username);
        BrowserSession changing = agency.browser(peer.username);
        String token = api.token(peer.username, PASSWORD);
        changing.get("/account");

        HttpResponse<String> changed = changing.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        PASSWORD,
                        "newPassword",
                        "Another-long-river-88",
                        "confirmPassword",
                        "Another-long-river-88"));

        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertSignedOut(other.get(peer.notesPage()));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(changing.get(peer.notesPage()).statusCode()).isEqualTo(200);
    }

    @Test
    void endsTheOpenSessionWhenARoleEnds() {
        Someone admin = someone(Role.ADMINISTRATOR);
        BrowserSession session = agency.browser(admin.username);
        assertThat(session.get("/people/new").statusCode()).isEqualTo(200);
        String role = api.get("/api/v1/people/" + admin.id + "/roles", api.demoToken("admin"))
                .json()
                .get(0)
                .get("id")
                .asString();

        api.post("/api/v1/people/" + admin.id + "/roles/" + role + "/end", api.demoToken("admin"), "");

        assertSignedOut(session.get("/people/new"));
    }

    @Test
    void givesTheOpenSessionARoleAddedMeanwhile() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        assertThat(session.get("/people/new").statusCode()).isEqualTo(403);

        directory.assignRole(
                agency.id(), peer.id, new AssignRole(Role.ADMINISTRATOR, null, null, LocalDate.now(clock), null));

        assertThat(session.get("/people/new").statusCode()).isEqualTo(200);
    }

    @Test
    void endsABrowserSessionAfterItsAbsoluteLifetimeHoweverActive() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        // 28 × 25 minutes is 11 h 40: the session is used all along, never idle for 30 minutes.
        for (int step = 0; step < 28; step++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(session.get(peer.notesPage()).statusCode()).isEqualTo(200);
        }

        clock.advance(Duration.ofMinutes(25));

        assertSignedOut(session.get(peer.notesPage()));
        assertThat(endReasons(peer)).containsExactly("EXPIRED");
    }

    @Test
    void endsAnIdleBrowserSession() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);

        clock.advance(Duration.ofMinutes(31));

        assertSignedOut(session.get(peer.notesPage()));
    }

    @Test
    void refusesATokenLifetimeLongerThanTheMaximumAndNamesIt() {
        Someone peer = someone(Role.PEER_WORKER);

        Api.Response refused = api.post("/api/v1/auth/token", null, credentials(peer, "P31D"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("30 days");
        assertThat(DemoData.tokensOf(jdbc, peer.username)).isZero();
    }

    @Test
    void issuesATokenForTheMaximumLifetime() {
        Someone peer = someone(Role.PEER_WORKER);

        Api.Response issued = api.post("/api/v1/auth/token", null, credentials(peer, "P30D"));

        assertThat(issued.status()).isEqualTo(201);
        Instant expires = Instant.parse(issued.json().get("expiresAt").asString());
        assertThat(expires)
                .isBetween(
                        clock.instant().plus(Duration.ofDays(30)).minusSeconds(60),
                        clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void refusesATokenLifetimeLongerThanTheMaximumOnTheAccountPage() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        session.get("/account");

        session.post("/account/tokens", Map.of("label", "long", "hours", "721"));

        assertThat(session.get("/account").body()).contains("1 to 720 hours");
        assertThat(DemoData.tokensOf(jdbc, peer.username)).isZero();
    }

    @Test
    void endsATokenAtTheApiSignOut() {
        Someone peer = someone(Role.PEER_WORKER);
        String token = api.token(peer.username, PASSWORD);

        Api.Response signedOut = api.post("/api/v1/auth/sign-out", token, "");

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void endsATokenTiedToTheBrowserSessionAtItsSignOut() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        String tied = issueFromPage(session, true);
        String untied = issueFromPage(session, false);
        assertThat(api.get("/api/v1/me", tied).status()).isEqualTo(200);

        session.post("/logout", Map.of());

        assertThat(api.get("/api/v1/me", tied).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", untied).status()).isEqualTo(200);
    }

    @Test
    void endsATokenTiedToTheBrowserSessionHoweverTheSessionEnds() {
        Someone locked = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(locked.username);
        String tied = issueFromPage(session, true);
        String untied = issueFromPage(session, false);
        lockOut(locked);
        assertSignedOut(session.get(locked.notesPage()));
        assertThat(api.get("/api/v1/me", tied).status())
                .as("the session ended locked: the token tied to it ends too")
                .isEqualTo(401);
        assertThat(api.get("/api/v1/me", untied).status()).isEqualTo(200);

        Someone idle = someone(Role.PEER_WORKER);
        String idleTied = issueFromPage(agency.browser(idle.username), true);
        assertThat(api.get("/api/v1/me", idleTied).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(api.get("/api/v1/me", idleTied).status())
                .as("the browser never came back: its session is over, and the token with it")
                .isEqualTo(401);
    }

    @Test
    void listsMyBrowserSessionsAndTokensWithTheCurrentOneMarked() {
        Someone peer = someone(Role.PEER_WORKER);
        agency.browser(peer.username).get("/");
        String token = api.token(peer.username, PASSWORD);

        JsonNode sessions = api.get("/api/v1/me/sessions", token).json();

        assertThat(sessions).hasSize(2);
        assertThat(sessions.findValuesAsString("kind")).containsExactlyInAnyOrder("BROWSER", "TOKEN");
        JsonNode current = sessions.get(0).get("current").asBoolean() ? sessions.get(0) : sessions.get(1);
        assertThat(current.get("kind").asString()).isEqualTo("TOKEN");
        assertThat(sessions.toString()).doesNotContain("127.0.0.1");
    }

    @Test
    void endsOneOfMySessionsThroughTheApi() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession ended = agency.browser(peer.username);
        String token = api.token(peer.username, PASSWORD);
        String browser = browserSessionId(token);

        Api.Response end = api.post("/api/v1/me/sessions/" + browser + "/end", token, "");

        assertThat(end.status()).isEqualTo(204);
        assertSignedOut(ended.get(peer.notesPage()));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void answersNotFoundForAnotherPersonsSessionAndEndsNothing() {
        Someone mine = someone(Role.PEER_WORKER);
        Someone theirs = someone(Role.PEER_WORKER);
        BrowserSession their = agency.browser(theirs.username);
        String theirSession = browserSessionId(api.token(theirs.username, PASSWORD));

        Api.Response end =
                api.post("/api/v1/me/sessions/" + theirSession + "/end", api.token(mine.username, PASSWORD), "");

        assertThat(end.status()).isEqualTo(404);
        assertThat(end.contentType()).startsWith("application/problem+json");
        assertThat(their.get(theirs.notesPage()).statusCode()).isEqualTo(200);
    }

    @Test
    void showsMySessionsOnAPageAndEndsAllOthers() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession other = agency.browser(peer.username);
        BrowserSession here = agency.browser(peer.username);
        String token = api.token(peer.username, PASSWORD);

        HttpResponse<String> page = here.get("/account/sessions");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This session").contains("Sign out everywhere else");

        here.post("/account/sessions/end-others", Map.of());

        assertSignedOut(other.get(peer.notesPage()));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(here.get(peer.notesPage()).statusCode()).isEqualTo(200);
    }

    @Test
    void endsEverySessionAndTokenThroughTheDirectory() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        String token = api.token(peer.username, PASSWORD);

        directory.endSessionsOf(agency.id(), peer.id);

        assertSignedOut(session.get(peer.notesPage()));
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
        assertThat(entries("END_SESSIONS", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsAPasswordChange() {
        Someone peer = someone(Role.PEER_WORKER);
        BrowserSession session = agency.browser(peer.username);
        session.get("/account");

        session.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        PASSWORD,
                        "newPassword",
                        "Another-long-river-88",
                        "confirmPassword",
                        "Another-long-river-88"));

        assertThat(entries("CHANGE_PASSWORD", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsIssuingAndRevokingAToken() {
        Someone peer = someone(Role.PEER_WORKER);
        String token = api.token(peer.username, PASSWORD);
        String id = api.get("/api/v1/me/tokens", token).json().get(0).get("id").asString();

        api.post("/api/v1/me/tokens/" + id + "/revoke", token, "");

        assertThat(entries("ISSUE_TOKEN", peer.id)).isEqualTo(1);
        assertThat(entries("REVOKE_TOKEN", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsEndingASession() {
        Someone peer = someone(Role.PEER_WORKER);
        agency.browser(peer.username);
        String token = api.token(peer.username, PASSWORD);

        api.post("/api/v1/me/sessions/" + browserSessionId(token) + "/end", token, "");

        assertThat(entries("END_SESSION", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsDeactivatingAndReactivatingAPerson() {
        Someone peer = someone(Role.PEER_WORKER);
        String admin = api.demoToken("admin");

        api.post("/api/v1/people/" + peer.id + "/deactivate", admin, "");
        api.post("/api/v1/people/" + peer.id + "/reactivate", admin, "");

        assertThat(entries("DEACTIVATE", peer.id)).isEqualTo(1);
        assertThat(entries("REACTIVATE", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsEndingARole() {
        Someone peer = someone(Role.PEER_WORKER);
        String admin = api.demoToken("admin");
        String role = api.get("/api/v1/people/" + peer.id + "/roles", admin)
                .json()
                .get(0)
                .get("id")
                .asString();

        api.post("/api/v1/people/" + peer.id + "/roles/" + role + "/end", admin, "");

        assertThat(entries("END_ROLE", peer.id)).isEqualTo(1);
    }

    @Test
    void auditsCreatingAProgramAndATeam() {
        String admin = api.demoToken("admin");
        String tag = UUID.randomUUID().toString().substring(0, 8);

        String program = api.post("/api/v1/programs", admin, "{\"name\":\"Audited program " + tag + "\"}")
                .json()
                .get("id")
                .asString();
        String team = api.post("/api/v1/programs/" + program + "/teams", admin, "{\"name\":\"Team " + tag + "\"}")
                .json()
                .get("id")
                .asString();

        assertThat(recordEntries("CREATE_PROGRAM", program)).isEqualTo(1);
        assertThat(recordEntries("CREATE_TEAM", team)).isEqualTo(1);
    }

    private void lockOut(Someone person) {
        for (int i = 0; i < 5; i++) {
            agency.anonymousBrowser().trySignIn(person.username, "not-the-password-" + i);
        }
    }

    private String issueFromPage(BrowserSession session, boolean endWithSession) {
        session.get("/account");
        session.post(
                "/account/tokens",
                endWithSession
                        ? Map.of("label", "tied", "hours", "8", "endWithSession", "true")
                        : Map.of("label", "untied", "hours", "8"));
        Matcher m = ISSUED.matcher(session.get("/account").body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String browserSessionId(String token) {
        for (JsonNode s : api.get("/api/v1/me/sessions", token).json()) {
            if (s.get("kind").asString().equals("BROWSER")) {
                return s.get("id").asString();
            }
        }
        throw new AssertionError("no browser session");
    }

    private static void assertSignedOut(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private List<String> endReasons(Someone person) {
        return jdbc.sql("""
                        select s.end_reason from browser_session s join user_account a on a.id = s.account_id
                        where a.username = :username
                        """)
                .param("username", person.username)
                .query(String.class)
                .list();
    }

    private long entries(String action, PersonId subject) {
        return jdbc.sql("select count(*) from audit_entry where action = :action and subject_id = :subject")
                .param("action", action)
                .param("subject", subject.value())
                .query(Long.class)
                .single();
    }

    private long recordEntries(String action, String recordId) {
        return jdbc.sql("select count(*) from audit_entry where action = :action and record_id = :id")
                .param("action", action)
                .param("id", recordId)
                .query(Long.class)
                .single();
    }

    private static String credentials(Someone person, String lifetime) {
        return "{\"username\":\"" + person.username + "\",\"password\":\"" + PASSWORD + "\",\"lifetime\":\"" + lifetime
                + "\"}";
    }

    private Someone someone(Role role) {
        String username = "ses" + TestAgency.tag();
        Person person = agency.person("Session Tester")
                .roleAcrossAgency(role)
                .account(username)
                .create();
        return new Someone(person.id(), username);
    }

    private record Someone(PersonId id, String username) {
        String notesPage() {
            return "/people/" + id + "/notes";
        }
    }
}
