package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** One agency can never read or change another agency's data, in the UI or the API. */
@IntegrationTest
class TenancyIntegrationTests {

    @Autowired
    TestAgency demo;

    @Autowired
    Directory directory;

    TestAgency agencyB;
    Api api;
    Person otherPerson;
    Program otherProgram;
    String otherAdminToken;

    @BeforeEach
    void createAgencyB() {
        api = demo.api();
        agencyB = demo.inAgency("Agency B");
        otherProgram = agencyB.program("B program");
        otherPerson = agencyB.person("B Person")
                .email("b@example.org")
                .role(Role.PARTICIPANT, otherProgram, LocalDate.of(2025, 1, 1))
                .create();
        otherAdminToken = agencyB.token(agencyB.person("B Admin")
                .roleAcrossAgency(Role.ADMINISTRATOR)
                .account()
                .create());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET  | /api/v1/people/PERSON                |",
                "GET  | /api/v1/people/PERSON/roles          |",
                "PUT  | /api/v1/people/PERSON                | {\"legalName\":\"Changed\"}",
                "POST | /api/v1/people/PERSON/roles          | {\"role\":\"PEER_WORKER\"}",
                "POST | /api/v1/people/PERSON/roles/ROLE/end | {}",
                "POST | /api/v1/people/PERSON/deactivate     | ''",
                "POST | /api/v1/people/PERSON/account        | {\"username\":\"intruder\",\"password\":\"Agency-B-passphrase-42\"}",
                "POST | /api/v1/programs/PROGRAM/teams       | {\"name\":\"Intruders\"}"
            })
    void answersNotFoundForAnAgencyBResourceInTheApiAndChangesNothing(String method, String path, String body) {
        String admin = api.demoToken("admin");
        String url = path.replace("PERSON", otherPerson.id().value().toString())
                .replace("ROLE", otherPerson.roles().get(0).id().toString())
                .replace("PROGRAM", otherProgram.id().toString());

        Api.Response response = method.equals("GET")
                ? api.get(url, admin)
                : api.send(method, url, admin, "application/json", body == null ? "" : body);

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertOtherPersonUnchanged();
    }

    @Test
    void findsNoAgencyBPersonInTheApi() {
        assertThat(api.get("/api/v1/people?query=B%20Person", api.demoToken("admin"))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void listsNoAgencyBProgramInTheApi() {
        assertThat(api.get("/api/v1/programs", api.demoToken("admin")).body())
                .doesNotContain(otherProgram.id().toString());
    }

    @Test
    void refusesARoleInTheDemoAgencyThatPointsAtAgencyBsProgram() {
        String admin = api.demoToken("admin");
        String own = api.get("/api/v1/me", admin).json().get("id").asString();

        Api.Response given = api.post(
                "/api/v1/people/" + own + "/roles",
                admin,
                "{\"role\":\"PEER_WORKER\",\"programId\":\"" + otherProgram.id() + "\"}");

        assertThat(given.status()).as(given.body()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/edit"})
    void answersNotFoundForAnAgencyBPageInTheBrowser(String page) {
        BrowserSession session = demo.demoBrowser("admin");

        assertThat(session.get("/people/" + otherPerson.id() + page).statusCode())
                .isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'' | legalName=Changed,version=0",
                "/roles | role=PEER_WORKER,startDate=2025-01-01",
                "/deactivate |"
            })
    void answersNotFoundForAChangeToAnAgencyBPersonInTheBrowser(String action, String fields) {
        BrowserSession session = demo.demoBrowser("admin");
        session.get("/people");
        Map<String, String> form = new LinkedHashMap<>();
        if (fields != null) {
            for (String field : fields.split(",")) {
                form.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
            }
        }

        assertThat(session.post("/people/" + otherPerson.id() + action, form).statusCode())
                .isEqualTo(404);
        assertOtherPersonUnchanged();
    }

    @Test
    void findsNoAgencyBPersonInTheBrowser() {
        assertThat(demo.demoBrowser("admin").get("/people?q=B+Person").body())
                .contains("No one matches")
                .doesNotContain(otherPerson.id().toString());
    }

    @Test
    void listsNoAgencyBProgramInTheBrowser() {
        assertThat(demo.demoBrowser("admin").get("/programs").body()).doesNotContain("B program");
    }

    @Test
    void keepsAgencyBAdministratorFromTheDemoAgencysPeople() {
        String demoAdminId =
                api.get("/api/v1/me", api.demoToken("admin")).json().get("id").asString();

        assertThat(api.get("/api/v1/people/" + demoAdminId, otherAdminToken).status())
                .isEqualTo(404);
    }

    @Test
    void showsAgencyBAdministratorOnlyAgencyBsPeople() {
        assertThat(api.get("/api/v1/people?size=100", otherAdminToken)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
    }

    private void assertOtherPersonUnchanged() {
        Person unchanged = directory.requirePerson(agencyB.id(), otherPerson.id());
        assertThat(unchanged.details().legalName()).isEqualTo("B Person");
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.roles()).hasSize(1);
    }
}
