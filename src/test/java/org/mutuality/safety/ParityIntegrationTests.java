package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.directory.Role;
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
    void countsPeerStaffAndOtherStaff() {
        JsonNode report = demoReport();

        assertThat(report.get("peerStaff").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("otherStaff").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void appliesTheSameRuleToPeerStaffAndOtherStaffInEveryArea() {
        List<String> keys = new ArrayList<>();
        List<Boolean> same = new ArrayList<>();

        demoReport().get("rows").forEach(r -> {
            keys.add(r.get("key").asString());
            same.add(r.get("sameRule").asBoolean());
        });

        assertThat(keys)
                .contains(
                        "BOUNDARY_PLANS",
                        "CONCERNS_ABOUT",
                        "ROLE_PAUSES",
                        "RECORD_READS_BY_OTHERS",
                        "HOURS_QUESTIONED");
        assertThat(same).containsOnly(true);
    }

    @Test
    void findsNoRuleThatOverseesPeerStaffMoreInTheDefaultPolicy() {
        JsonNode report = demoReport();

        assertThat(report.get("extraOversightRules")).isEmpty();
        assertThat(report.get("peerRoleRules").get(0).get("id").asString()).isEqualTo("peers-and-involuntary-care");
    }

    @Test
    void refusesTheReportToASupervisor() {
        assertThat(agency.api()
                        .get("/api/v1/parity", agency.demoToken("supervisor"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void tellsThePrivacyLeadOnThePageThatNothingMoreAppliesToPeerStaff() {
        assertThat(agency.demoBrowser("privacy").get("/parity").body())
                .contains("No check, review or monitoring applies to peer staff");
    }

    /** In an agency of its own, so the demo's policy stays as it is. */
    @Test
    void catchesARuleThatWouldOverseePeerStaffMore() {
        TestAgency own = agency.inAgency("Parity");
        String privacy = own.token(own.person("Privacy lead")
                .roleAcrossAgency(Role.PRIVACY_LEAD)
                .account()
                .create());
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
        assertThat(put(privacy, "/api/v1/conflicts/policy?reason=parity%20test", extra)
                        .status())
                .isEqualTo(200);

        JsonNode flagged = own.api().get("/api/v1/parity", privacy).json();

        assertThat(flagged.get("extraOversightRules").get(0).asString()).isEqualTo("extra-review-of-peers");
    }

    private JsonNode demoReport() {
        return agency.api().get("/api/v1/parity", agency.demoToken("privacy")).json();
    }

    private Api.Response put(String token, String path, String yaml) {
        return agency.api().send("PUT", path, token, "application/yaml", yaml);
    }
}
