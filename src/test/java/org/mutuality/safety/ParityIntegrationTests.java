package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * S13: the privacy lead's parity report shows the same rules for peer staff and other staff, with
 * counts for each group, and catches a policy rule that would oversee peer staff more.
 */
@IntegrationTest
class ParityIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void theReportShowsParityAndCatchesARuleThatWouldOverseePeerStaffMore() {
        Api api = agency.api();
        String privacy = agency.demoToken("privacy");
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
        assertThat(api.get("/api/v1/parity", agency.demoToken("supervisor")).status())
                .isEqualTo(403);
        assertThat(agency.demoBrowser("privacy").get("/parity").body())
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
                            .status())
                    .isEqualTo(200);
            JsonNode flagged = api.get("/api/v1/parity", privacy).json();
            assertThat(flagged.get("extraOversightRules").get(0).asString()).isEqualTo("extra-review-of-peers");
        } finally {
            assertThat(put(privacy, "/api/v1/conflicts/policy?reason=back%20to%20default", Policies.defaultText())
                            .status())
                    .isEqualTo(200);
        }
    }

    private Api.Response put(String token, String path, String yaml) {
        return agency.api().send("PUT", path, token, "application/yaml", yaml);
    }
}
