package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** Programs and teams are added by an administrator only, once each name, on the page and the API alike. */
@IntegrationTest
class ProgramsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void onlyAnAdministratorAddsAProgram() {
        long before = agency.rows("program");
        Api.Response bySupervisor = agency.api()
                .post("/api/v1/programs", agency.demoToken("supervisor"), "{\"name\":\"Supervisor program\"}");
        assertThat(bySupervisor.status()).isEqualTo(403);
        assertThat(agency.rows("program")).isEqualTo(before);
    }

    @Test
    void aSecondProgramOfTheSameNameIsAConflictAndChangesNothing() {
        String name = "Housing first " + TestAgency.tag();
        String admin = agency.demoToken("admin");
        assertThat(agency.api()
                        .post("/api/v1/programs", admin, Api.json(Map.of("name", name)))
                        .status())
                .isEqualTo(201);
        long before = agency.rows("program");

        Api.Response again = agency.api().post("/api/v1/programs", admin, Api.json(Map.of("name", name.toUpperCase())));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already exists");
        assertThat(agency.rows("program")).isEqualTo(before);
    }

    @Test
    void thePageSaysWhyANamelessProgramIsRefusedInTheReadersLanguage() {
        BrowserSession admin = agency.demoBrowser("admin");
        long before = agency.rows("program");
        admin.get("/?lang=fr");

        admin.post("/programs", Map.of("name", "   "));

        assertThat(admin.get("/programs").body()).contains("est obligatoire");
        assertThat(agency.rows("program")).isEqualTo(before);
    }

    @Test
    void aTeamNameIsRefusedTwiceInOneProgram() {
        String admin = agency.demoToken("admin");
        String program = agency.peerSupport().id().toString();
        String name = "Evening team " + TestAgency.tag();
        assertThat(agency.api()
                        .post("/api/v1/programs/" + program + "/teams", admin, Api.json(Map.of("name", name)))
                        .status())
                .isEqualTo(201);

        Api.Response again =
                agency.api().post("/api/v1/programs/" + program + "/teams", admin, Api.json(Map.of("name", name)));

        assertThat(again.status()).isEqualTo(409);
    }
}
