package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void documentsEveryModulesApiWithBearerTokens() {
        Api.Response document = agency.api().get("/v3/api-docs", null);

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("info").get("title").asString()).isEqualTo("Mutuality API");
        assertThat(document.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/people",
                        "/api/v1/relationships",
                        "/api/v1/conflicts/check",
                        "/api/v1/timesheets",
                        "/api/v1/people/{id}/notes",
                        "/api/v1/audit/verify",
                        "/api/v1/me/access-log");
        assertThat(document.body()).contains("\"scheme\":\"bearer\"");
    }
}
