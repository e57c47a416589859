package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PeopleApiIntegrationTests {

    @Autowired
    TestAgency agency;

    Api api;
    String admin;

    @BeforeEach
    void signIn() {
        api = agency.api();
        admin = api.demoToken("admin");
    }

    @Test
    void createsAPersonWithSeveralRolesAtOnce() {
        String name = "Robin " + UUID.randomUUID();
        Api.Response created = api.post(
                "/api/v1/people",
                admin,
                Api.json(Map.of(
                        "legalName",
                        name,
                        "pronouns",
                        "they/them",
                        "roles",
                        List.of(
                                Map.of("role", "PEER_WORKER", "startDate", "2025-01-01"),
                                Map.of("role", "PARTICIPANT", "startDate", "2024-06-01")))));

        assertThat(created.status()).isEqualTo(201);
        JsonNode person = created.json();
        assertThat(person.get("displayName").asString()).isEqualTo(name);
        assertThat(person.get("roles")).hasSize(2);
        assertThat(person.get("roles").findValuesAsString("role"))
                .containsExactlyInAnyOrder("PEER_WORKER", "PARTICIPANT");

        Api.Response read = api.get("/api/v1/people/" + person.get("id").asString(), admin);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("pronouns").asString()).isEqualTo("they/them");
    }

    @Test
    void searchesByNameAndRoleWithPaging() {
        Api.Response found = api.get("/api/v1/people?query=jordan&role=SERVICE_USER&page=0&size=5", admin);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("total").asLong()).isEqualTo(1);
        assertThat(found.json().get("items").get(0).get("displayName").asString())
                .isEqualTo("Jordan Lee");

        Api.Response participants = api.get("/api/v1/people?role=participant&size=3", admin);
        assertThat(participants.json().get("items")).hasSize(3);
        assertThat(participants.json().get("total").asLong()).isGreaterThan(3);
    }

    @Test
    void addsAndEndsARoleKeepingItsHistory() {
        String id = createPerson("Kim " + UUID.randomUUID());

        Api.Response role = api.post(
                "/api/v1/people/" + id + "/roles", admin, "{\"role\":\"VOLUNTEER_PEER\",\"startDate\":\"2025-03-01\"}");
        assertThat(role.status()).isEqualTo(201);
        String roleId = role.json().get("id").asString();

        Api.Response ended =
                api.post("/api/v1/people/" + id + "/roles/" + roleId + "/end", admin, "{\"endDate\":\"2025-09-30\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("endDate").asString()).isEqualTo("2025-09-30");

        JsonNode roles = api.get("/api/v1/people/" + id + "/roles", admin).json();
        assertThat(roles).hasSize(1);
        assertThat(roles.get(0).get("endDate").asString()).isEqualTo("2025-09-30");
    }

    @Test
    void updatesAPersonAndRefusesAStaleVersion() {
        String id = createPerson("Avery " + UUID.randomUUID());

        Api.Response updated = api.put(
                "/api/v1/people/" + id,
                admin,
                "{\"legalName\":\"Avery Stone\",\"preferredName\":\"Ave\",\"version\":0}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("displayName").asString()).isEqualTo("Ave");

        Api.Response stale = api.put("/api/v1/people/" + id, admin, "{\"legalName\":\"Someone Else\",\"version\":0}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/people/" + id, admin)
                        .json()
                        .get("legalName")
                        .asString())
                .isEqualTo("Avery Stone");
    }

    @Test
    void deactivatesWithoutDeleting() {
        String id = createPerson("Sky " + UUID.randomUUID());

        assertThat(api.post("/api/v1/people/" + id + "/deactivate", admin, "")
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/v1/people/" + id, admin).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/people/" + id + "/reactivate", admin, "")
                        .json()
                        .get("active")
                        .asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                400 | {"legalName":
                400 | not json
                400 | []
                400 | {}
                400 | {"legalName":"   "}
                400 | {"legalName":{"first":"A"}}
                400 | {"legalName":"Valid Name","email":"not-an-email"}
                400 | {"legalName":"Valid Name","roles":[{"role":"WIZARD"}]}
                400 | {"legalName":"Valid Name","roles":[{"role":"PEER_WORKER","startDate":"yesterday"}]}
                400 | {"legalName":"Valid Name","roles":[{"role":"PEER_WORKER","startDate":"2025-05-01","endDate":"2025-01-01"}]}
                404 | {"legalName":"Valid Name","roles":[{"role":"PEER_WORKER","programId":"00000000-0000-0000-0000-000000000001"}]}
                400 | {"legalName":"Valid Name","pronouns":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}
                """)
    void refusesBadPersonBodiesAndChangesNothing(int status, String body) {
        long before = total();

        Api.Response response = api.post("/api/v1/people", admin, body);

        assertThat(response.status()).as(body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void namesTheFieldsThatAreMissingOrTooLong() {
        Api.Response response =
                api.post("/api/v1/people", admin, "{\"legalName\":\"\",\"phone\":\"" + "1".repeat(41) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains("legalName", "phone");
    }

    @Test
    void answersBadIdsAndUnknownPeopleClearly() {
        assertThat(api.get("/api/v1/people/not-a-uuid", admin).status()).isEqualTo(400);
        Api.Response unknown = api.get("/api/v1/people/" + UUID.randomUUID(), admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/people/" + UUID.randomUUID() + "/roles", admin, "{\"role\":\"PARTICIPANT\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/people?page=-1", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/people?size=1000", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/people?role=WIZARD", admin).status()).isEqualTo(400);
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        assertThat(api.get("/api/v1/people", null).status()).isEqualTo(401);
        Api.Response forged = api.get("/api/v1/me", "mut_forged");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/auth/token", null, "{\"username\":\"admin\",\"password\":\"wrong-password-1\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void letsOnlyAdministratorsChangeTheDirectory() {
        String peer = api.demoToken("peer");
        long before = total();

        Api.Response response = api.post("/api/v1/people", peer, "{\"legalName\":\"Not Allowed\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void showsContactDetailsOnlyToThePersonAndAdministrators() {
        String peerToken = api.demoToken("peer");
        JsonNode me = api.get("/api/v1/me", peerToken).json();
        assertThat(me.get("contact")).isNotNull();
        String supervisor = api.demoToken("supervisor");

        JsonNode seenBySupervisor =
                api.get("/api/v1/people/" + me.get("id").asString(), supervisor).json();

        assertThat(seenBySupervisor.has("contact")).isFalse();
        assertThat(api.get("/api/v1/people/" + me.get("id").asString(), admin)
                        .json()
                        .get("contact")
                        .get("email")
                        .asString())
                .isEqualTo("peer@example.org");
    }

    @Test
    void letsAParticipantReadThemselves() {
        assertThat(api.get("/api/v1/me", participant()).status()).isEqualTo(200);
    }

    @Test
    void refusesAParticipantTheListOfPeople() {
        assertThat(api.get("/api/v1/people", participant()).status()).isEqualTo(403);
    }

    @Test
    void answersNotFoundToAParticipantAskingForSomeoneElse() {
        String someoneElse = api.get("/api/v1/me", admin).json().get("id").asString();

        assertThat(api.get("/api/v1/people/" + someoneElse, participant()).status())
                .isEqualTo(404);
    }

    @Test
    void listsProgramsWithTheirTeams() {
        JsonNode programs =
                api.get("/api/v1/programs", api.demoToken("volunteer")).json();

        assertThat(programs.findValuesAsString("name")).contains("Peer Support", "Wellness Groups");
        assertThat(programs.get(0).get("teams")).isNotEmpty();
    }

    private String createPerson(String name, String... roles) {
        StringBuilder body = new StringBuilder("{\"legalName\":\"" + name + "\",\"roles\":[");
        for (int i = 0; i < roles.length; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"role\":\"")
                    .append(roles[i])
                    .append("\"}");
        }
        body.append("]}");
        Api.Response created = api.post("/api/v1/people", admin, body.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String participant() {
        return agency.token(
                agency.person("Quinn").role(Role.PARTICIPANT).account().create());
    }

    private long total() {
        return api.get("/api/v1/people?includeInactive=true&size=1", admin)
                .json()
                .get("total")
                .asLong();
    }
}
