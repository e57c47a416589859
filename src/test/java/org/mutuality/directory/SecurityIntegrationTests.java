package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.DemoData;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class SecurityIntegrationTests {

    static final String PASSWORD = TestAgency.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String username;

    @BeforeEach
    void createAccount() {
        api = agency.api();
        username = "sec" + TestAgency.tag();
        agency.person("Security Tester")
                .roleAcrossAgency(Role.PEER_WORKER)
                .account(username)
                .create();
    }

    @Test
    void sendsStrictSecurityHeadersOnPages() {
        HttpResponse<String> login = BrowserSession.anonymous(port).get("/login");

        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("frame-ancestors 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=");
    }

    @Test
    void sendsAnonymousVisitorsToSignIn() {
        HttpResponse<String> people = BrowserSession.anonymous(port).get("/people");

        assertThat(people.statusCode()).isEqualTo(302);
        assertThat(people.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void refusesAFormPostWithoutCsrfToken() {
        BrowserSession session = agency.browser(username);

        HttpResponse<String> post = session.postRaw("/account/tokens", Map.of("label", "x"), false);

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(DemoData.tokensOf(jdbc, username)).isZero();
    }

    @Test
    void changesTheSessionIdAtSignIn() {
        BrowserSession session = BrowserSession.anonymous(port);
        String before = session.get("/login").headers().firstValue("Set-Cookie").orElse("");
        HttpResponse<String> signIn = session.post("/login", Map.of("username", username, "password", PASSWORD));
        String after = signIn.headers().firstValue("Set-Cookie").orElse("");

        assertThat(after).startsWith("MUTUALITY_SESSION=");
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void locksAnAccountAfterRepeatedFailedSignIns() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = BrowserSession.anonymous(port).trySignIn(username, "not-the-password-" + i);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("error");
        }

        HttpResponse<String> withRightPassword = BrowserSession.anonymous(port).trySignIn(username, PASSWORD);
        assertThat(withRightPassword.headers().firstValue("Location").orElseThrow())
                .contains("error");
        Api.Response token = api.post(
                "/api/v1/auth/token", null, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(token.status()).isEqualTo(401);
    }

    @Test
    void revokesATokenFromTheAccount() {
        String token = api.token(username, PASSWORD);
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        String id = api.get("/api/v1/me/tokens", token).json().get(0).get("id").asString();

        assertThat(api.post("/api/v1/me/tokens/" + id + "/revoke", token, "").status())
                .isEqualTo(204);

        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);
    }

    @Test
    void storesOnlyAHashOfEachToken() {
        String token = api.token(username, PASSWORD);

        assertThat(api.get("/api/v1/me/tokens", token).body()).doesNotContain(token);
    }

    @Test
    void enforcesThePasswordPolicyWhenChangingAPassword() {
        BrowserSession session = agency.browser(username);
        session.get("/account");

        HttpResponse<String> weak = session.post(
                "/account/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "password1234", "confirmPassword", "password1234"));

        assertThat(weak.statusCode()).isEqualTo(302);
        assertThat(session.get("/account").body()).contains("too common");
        assertThat(api.token(username, PASSWORD)).startsWith("mut_");
    }
}
