package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.test.EmptyDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Under the {@code prod} profile metrics and the API description are for the operator only, HSTS is
 * sent on requests a trusted proxy forwarded as HTTPS, and a forged host never reaches a redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "prod"})
class ProductionExposureIntegrationTests {

    static final String OPERATOR_PASSWORD = "scrape-" + UUID.randomUUID();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        EmptyDatabase.use(registry, "exposure");
        registry.add("mutuality.base-url", () -> "https://mutuality.example");
        registry.add("mutuality.operator.username", () -> "prometheus");
        registry.add("mutuality.operator.password", () -> OPERATOR_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Test
    void hidesMetricsFromAnonymousCallers() {
        assertThat(send("GET /actuator/prometheus", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void hidesApiDescriptionFromAnonymousCallers() {
        assertThat(send("GET /v3/api-docs", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void hidesSwaggerUiFromAnonymousCallers() {
        assertThat(send("GET /swagger-ui/index.html", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void refusesMetricsToAWrongOperatorPassword() {
        assertThat(send("GET /actuator/prometheus", Map.of("Authorization", basic("prometheus", "guess")))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void servesMetricsToTheOperator() {
        Reply reply = send("GET /actuator/prometheus", Map.of("Authorization", basic("prometheus", OPERATOR_PASSWORD)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_");
    }

    @Test
    void servesApiDescriptionToTheOperator() {
        assertThat(send("GET /v3/api-docs", Map.of("Authorization", basic("prometheus", OPERATOR_PASSWORD)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void keepsHealthOpenForProbes() {
        assertThat(send("GET /actuator/health/liveness", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void sendsHstsOnARequestATrustedProxyForwardedAsHttps() {
        Reply reply = send("GET /login", Map.of("X-Forwarded-Proto", "https"));

        assertThat(reply.header("strict-transport-security")).contains("max-age=31536000");
    }

    @Test
    void sendsNoHstsOverPlainHttp() {
        assertThat(send("GET /login", Map.of()).header("strict-transport-security"))
                .isNull();
    }

    @Test
    void keepsTheSignInRedirectOnTheBaseUrlWhenTheHostIsForged() {
        Reply reply = send("GET /people", Map.of("Host", "evil.example"));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("location")).isEqualTo("https://mutuality.example/login");
    }

    @Test
    void keepsTheSignInRedirectOnTheBaseUrlWhenTheForwardedHostIsForged() {
        Reply reply = send("GET /people", Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"));

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("location")).isEqualTo("https://mutuality.example/login");
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one HTTP/1.1 request over a plain socket: Java's HTTP client refuses to forge a
     * {@code Host} header, which is exactly what this test needs to do.
     */
    private Reply send(String requestLine, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "localhost:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
        all.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> replyHeaders = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                replyHeaders.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), replyHeaders, raw.substring(end + 4));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    record Reply(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }
    }
}
