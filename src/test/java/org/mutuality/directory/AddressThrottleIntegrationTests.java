package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The doors anyone can knock on are throttled by client address: past the limit the sign-in form,
 * the token endpoint and the public contact form answer 429 with {@code Retry-After} (finding 11).
 * Each test knocks on its own door, so the counts do not mix.
 */
@IntegrationTest
@TestPropertySource(
        properties = {"mutuality.security.address-throttle.attempts=3", "mutuality.security.address-throttle.window=10m"
        })
class AddressThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAgency agency;

    @Test
    void throttlesTheSignInFormByAddress() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> tried = BrowserSession.anonymous(port).trySignIn("nobody-" + i, "wrong-password");
            assertThat(tried.statusCode()).isEqualTo(302);
        }

        HttpResponse<String> throttled = BrowserSession.anonymous(port).trySignIn("nobody", "wrong-password");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 600L);
        assertThat(throttled.body()).contains("Too many attempts");
    }

    @Test
    void throttlesTheTokenEndpointByAddressWithAProblem() {
        Api api = agency.api();
        String wrong = "{\"username\":\"nobody\",\"password\":\"wrong-password\"}";
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/token", null, wrong).status()).isEqualTo(401);
        }

        Api.Response throttled = api.post("/api/v1/auth/token", null, wrong);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.json().get("retryAfterSeconds").asLong()).isBetween(1L, 600L);
    }

    @Test
    void throttlesThePublicContactFormByAddress() {
        // Mail is not set up in this test, so the form (its CSRF token taken from the sign-in page,
        // as the form is not shown without mail) refuses each message with 400 until the throttle.
        for (int i = 0; i < 3; i++) {
            BrowserSession visitor = BrowserSession.anonymous(port);
            visitor.get("/login");
            HttpResponse<String> sent =
                    visitor.post("/contact/form", Map.of("email", "nobody-" + i + "@example.org", "text", "Hello"));
            assertThat(sent.statusCode()).isEqualTo(400);
        }
        BrowserSession visitor = BrowserSession.anonymous(port);
        visitor.get("/login");

        HttpResponse<String> throttled =
                visitor.post("/contact/form", Map.of("email", "nobody@example.org", "text", "Hello"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }
}
