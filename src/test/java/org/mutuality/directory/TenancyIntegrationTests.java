package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One agency can never read or change another agency's data, in the UI or the API. */
@IntegrationTest
class TenancyIntegrationTests {

    static final String PASSWORD = "Agency-B-passphrase-42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    Api api;
    String otherPerson;
    String otherRole;
    String otherProgram;
    String otherAdminUsername;
    AgencyId agencyB;

    @BeforeEach
    void createAgencyB() {
        api = new Api(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        agencyB = directory.createAgency("Agency B " + suffix, false);
        Program program = directory.createProgram(agencyB, "B program", null);
        Person person = directory.register(
                agencyB,
                new PersonDetails("B Person", null, null, "b@example.org", null),
                List.of(new AssignRole(Role.PARTICIPANT, program.id(), null, LocalDate.of(2025, 1, 1), null)));
        Person admin = directory.register(
                agencyB,
                new PersonDetails("B Admin", null, null, null, null),
                List.of(new AssignRole(Role.ADMINISTRATOR, null, null, LocalDate.of(2025, 1, 1), null)));
        otherAdminUsername = "badmin" + suffix;
        directory.openAccount(agencyB, admin.id(), otherAdminUsername, PASSWORD);
        otherPerson = person.id().toString();
        otherRole = person.roles().get(0).id().toString();
        otherProgram = program.id().toString();
    }

    @Test
    void answersNotFoundForEveryAgencyBResourceInTheApi() {
        String admin = api.demoToken("admin");
        String person = "/api/v1/people/" + otherPerson;

        assertThat(api.get(person, admin).status()).isEqualTo(404);
        assertThat(api.get(person + "/roles", admin).status()).isEqualTo(404);
        assertThat(api.put(person, admin, "{\"legalName\":\"Changed\"}").status())
                .isEqualTo(404);
        assertThat(api.post(person + "/roles", admin, "{\"role\":\"PEER_WORKER\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(person + "/roles/" + otherRole + "/end", admin, "{}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(person + "/deactivate", admin, "").status()).isEqualTo(404);
        assertThat(api.post(person + "/account", admin, "{\"username\":\"intruder\",\"password\":\"" + PASSWORD + "\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/programs/" + otherProgram + "/teams", admin, "{\"name\":\"Intruders\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/people?query=B%20Person", admin)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(api.get("/api/v1/programs", admin).body()).doesNotContain(otherProgram);
        // A role given in agency A cannot point at agency B's program.
        String own = api.get("/api/v1/me", admin).json().get("id").asString();
        assertThat(api.post(
                                "/api/v1/people/" + own + "/roles",
                                admin,
                                "{\"role\":\"PEER_WORKER\",\"programId\":\"" + otherProgram + "\"}")
                        .status())
                .isEqualTo(404);

        Person unchanged = directory.requirePerson(agencyB, new PersonId(UUID.fromString(otherPerson)));
        assertThat(unchanged.details().legalName()).isEqualTo("B Person");
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.roles()).hasSize(1);
    }

    @Test
    void answersNotFoundForEveryAgencyBResourceInTheBrowser() {
        BrowserSession session = BrowserSession.signIn(port, "admin", Api.DEMO_PASSWORD);
        String person = "/people/" + otherPerson;

        assertThat(session.get(person).statusCode()).isEqualTo(404);
        assertThat(session.get(person + "/edit").statusCode()).isEqualTo(404);
        session.get("/people");
        assertThat(session.post(person, Map.of("legalName", "Changed", "version", "0"))
                        .statusCode())
                .isEqualTo(404);
        session.get("/people");
        assertThat(session.post(person + "/roles", Map.of("role", "PEER_WORKER", "startDate", "2025-01-01"))
                        .statusCode())
                .isEqualTo(404);
        session.get("/people");
        assertThat(session.post(person + "/deactivate", Map.of()).statusCode()).isEqualTo(404);
        assertThat(session.get("/people?q=B+Person").body())
                .contains("No one matches")
                .doesNotContain(otherPerson);
        assertThat(session.get("/programs").body()).doesNotContain("B program");
    }

    @Test
    void keepsAgencyBAdministratorInsideAgencyB() {
        String bAdmin = api.token(otherAdminUsername, PASSWORD);
        String demoAdminId =
                api.get("/api/v1/me", api.demoToken("admin")).json().get("id").asString();

        assertThat(api.get("/api/v1/people/" + demoAdminId, bAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/people?size=100", bAdmin)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }
}
