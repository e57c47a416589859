package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** The peer-role page saves its English and French texts together, or neither. */
@IntegrationTest
class PeerRolePageIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void savesNeitherLanguageWhenTheFrenchTextIsRefused() {
        String english = "Peer workers walk alongside people, " + UUID.randomUUID();

        BrowserSession supervisor = agency.demoBrowser("supervisor");
        supervisor.get("/peer-support/edit");

        int status = supervisor
                .post("/peer-support/edit", Map.of("en", english, "fr", "Trop court"))
                .statusCode();

        assertThat(status).isEqualTo(400);
        String saved = agency.api()
                .get("/api/v1/peer-role?lang=en", agency.demoToken("supervisor"))
                .json()
                .get("text")
                .asString();
        assertThat(saved).isNotEqualTo(english);
    }
}
