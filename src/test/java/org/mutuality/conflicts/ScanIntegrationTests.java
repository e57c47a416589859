package org.mutuality.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ScanIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void ranksTheTreatingApproverFirstAndGroupsNeighbours() {
        Api api = agency.api();

        JsonNode report =
                api.get("/api/v1/conflicts/scan", api.demoToken("privacy")).json();

        JsonNode first = report.get("groups").get(0);
        assertThat(first.get("decision").asString()).isEqualTo("BLOCK");
        assertThat(first.get("relationship").asString()).isEqualTo("TREATS");
        assertThat(first.get("findings").get(0).get("subjectName").asString()).isEqualTo("Jordan Lee");
        JsonNode neighbours = null;
        for (JsonNode group : report.get("groups")) {
            if ("NEIGHBOUR".equals(group.get("relationship").asString())) {
                neighbours = group;
            }
        }
        assertThat(neighbours).isNotNull();
        assertThat(neighbours.get("decision").asString()).isEqualTo("WARN");
        assertThat(neighbours.get("findings").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void letsOnlyThePrivacyLeadScan() {
        Api api = agency.api();

        assertThat(api.get("/api/v1/conflicts/scan", api.demoToken("admin")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/conflicts/scan", api.demoToken("supervisor"))
                        .status())
                .isEqualTo(403);
        assertThat(agency.demoBrowser("peer").get("/conflicts/scan.csv").statusCode())
                .isEqualTo(403);
    }

    @Test
    void exportsTheScanAsCsv() {
        HttpResponse<String> csv = agency.demoBrowser("privacy").get("/conflicts/scan.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("group,decision,rule,actor,subject");
        assertThat(csv.body()).contains("Hélène Tremblay,Jordan Lee,APPROVES_TIME");
    }
}
