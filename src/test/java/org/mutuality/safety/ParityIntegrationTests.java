package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * S13: the privacy lead's parity report shows the same rules for peer staff and other staff, with
 * counts for each group, and catches a policy rule that would oversee peer staff more.
 */
@IntegrationTest
class ParityIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theReportShowsParityAndCatchesARuleThatWouldOverseePeerStaffMore() throws Exception {
        Api api = new Api(port);
        String privacy = api.demoToken("privacy");
        JsonNode report = api.get("/api/v1/parity", privacy).json();
        assertThat(report.get("peerStaff").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("otherStaff").asInt()).isGreaterThanOrEqualTo(4);
        List<String> keys = new ArrayList<>();
        report.get("rows").forEach(r -> {
            keys.add(r.get("key").asString());
            assertThat(r.get("sameRule").asBoolean()).isTrue();
        });
        assertThat(keys).contains("BOUNDARY_PLANS", "CONCERNS_ABOUT", "ROLE_PAUSES", "RECORD_READS_BY_OTHERS");
        assertThat(report.get("extraOversightRules")).isEmpty();
        assertThat(report.get("peerRoleRules").get(0).get("id").asString()).isEqualTo("peers-and-involuntary-care");
        assertThat(api.get("/api/v1/parity", api.demoToken("supervisor")).status())
                .isEqualTo(403);
        assertThat(org.mutuality.test.BrowserSession.signIn(port, "privacy", Api.DEMO_PASSWORD)
                        .get("/parity")
                        .body())
                .contains("No check, review or monitoring applies to peer staff");

        String extra = Policies.defaultText().replace("roleRules:\n", """
                roleRules:
                  - id: extra-review-of-peers
                    actions: [REVIEW_PERFORMANCE]
                    actorRoles: [PEER_WORKER]
                    decision: CONSULT
                    explanation:
                      en: Peers need a second look.
                      fr: Les pairs ont besoin d'un second regard.
                """);
        assertThat(extra).contains("extra-review-of-peers");
        try {
            assertThat(put(privacy, "/api/v1/conflicts/policy?reason=parity%20test", extra)
                            .statusCode())
                    .isEqualTo(200);
            JsonNode flagged = api.get("/api/v1/parity", privacy).json();
            assertThat(flagged.get("extraOversightRules").get(0).asString()).isEqualTo("extra-review-of-peers");
        } finally {
            assertThat(put(privacy, "/api/v1/conflicts/policy?reason=back%20to%20default", Policies.defaultText())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private HttpResponse<String> put(String token, String path, String yaml) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/yaml")
                                .PUT(HttpRequest.BodyPublishers.ofString(yaml))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
