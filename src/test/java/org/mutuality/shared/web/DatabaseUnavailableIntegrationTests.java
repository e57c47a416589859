package org.mutuality.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database gives no connection (here the test holds every connection of the pool, as a
 * restarting database or a pool drained by load would), a request waits the pool's connection
 * timeout (3 s) and answers 503 with {@code Retry-After}, never 500 or 401: a problem document on
 * the API, whether the controller or the sign-in of the bearer token asked the database, and a
 * plain page in a browser; a sign-in that cannot be checked is not told its password is wrong. The
 * health endpoint says DOWN, and UP once connections come back. {@code load/scripts/faults.sh}
 * stops, restarts, locks and fills a real PostgreSQL the same ways.
 */
@IntegrationTest
class DatabaseUnavailableIntegrationTests {

    private static final String TITLE = "Mutuality is unavailable for a moment";

    @Autowired
    TestAgency agency;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    private final List<Connection> held = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersAWriteWith503AndRetryAfterAndWritesNothing() throws SQLException {
        Api api = agency.api();
        String peer = api.demoToken("peer");
        assertThat(api.get("/api/v1/me", peer).status()).isEqualTo(200);
        String julie = Demo.personId(jdbc, "Julie Roy");
        long before = contacts();

        holdEveryConnection();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/people/" + julie + "/interactions"))
                .header("Authorization", "Bearer " + peer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"PHONE_CALL\",\"durationMinutes\":15}")));
        giveConnectionsBack();

        assertUnavailableProblem(answer);
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void answersATokenNotYetSignedInWith503NotWith401() throws SQLException {
        String peer = agency.api().demoToken("peer");

        holdEveryConnection();
        HttpResponse<String> answer =
                send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", "Bearer " + peer));

        assertUnavailableProblem(answer);
    }

    @Test
    void showsABrowserAPlainPageWith503() throws SQLException {
        BrowserSession browser = BrowserSession.signIn(port, "peer", Api.DEMO_PASSWORD);

        holdEveryConnection();
        HttpResponse<String> page = browser.get("/");

        assertUnavailablePage(page);
    }

    @Test
    void answersASignInItCannotCheckWith503NotAsAWrongPassword() throws SQLException {
        holdEveryConnection();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"peer\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}")));

        assertUnavailableProblem(answer);
    }

    @Test
    void showsTheSignInFormAPlainPageWith503NotAWrongPassword() throws SQLException {
        BrowserSession browser = BrowserSession.anonymous(port);
        browser.get("/login");

        holdEveryConnection();
        HttpResponse<String> page = browser.post("/login", Map.of("username", "peer", "password", Api.DEMO_PASSWORD));

        assertUnavailablePage(page);
    }

    @Test
    void reportsHealthDownUntilConnectionsComeBack() throws SQLException {
        holdEveryConnection();
        HttpResponse<String> down = send(HttpRequest.newBuilder(uri("/actuator/health")));
        giveConnectionsBack();

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> send(HttpRequest.newBuilder(uri("/actuator/health")))
                        .body()
                        .contains("\"status\":\"UP\""));
    }

    /** Takes every connection the pool may open, so that the application waits for one in vain. */
    private void holdEveryConnection() throws SQLException {
        int most = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        while (held.size() < most) {
            held.add(dataSource.getConnection());
        }
    }

    @AfterEach
    void giveConnectionsBack() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        held.clear();
    }

    private static void assertUnavailableProblem(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("type").asString()).isEqualTo("https://mutuality.org/problems/unavailable");
        assertThat(problem.get("title").asString()).isEqualTo(TITLE);
    }

    private static void assertUnavailablePage(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<h1>" + TITLE + "</h1>").doesNotContain("<nav");
    }

    private long contacts() {
        return jdbc.sql("select count(*) from interaction").query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
