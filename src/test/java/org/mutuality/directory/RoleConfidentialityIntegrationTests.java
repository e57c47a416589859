package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Receiving the agency's services is confidential. A colleague does not learn from the directory
 * that a peer worker is also a service user or a participant (S2); a service-user role is seen by
 * clinicians, a participant role by staff.
 */
@IntegrationTest
class RoleConfidentialityIntegrationTests {

    @Autowired
    TestAgency agency;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @Test
    void hidesThatAPeerWorkerIsAlsoAServiceUserFromColleagues() {
        String colleague = api.demoToken("peer2");

        JsonNode jordan = find(colleague, "Jordan Lee");

        assertThat(jordan.get("roles").findValuesAsString("role")).containsExactly("PEER_WORKER");
        assertThat(api.get("/api/v1/people/" + jordan.get("id").asString() + "/roles", colleague)
                        .body())
                .doesNotContain("SERVICE_USER");
        BrowserSession session = agency.demoBrowser("peer2");
        String page = session.get("/people/" + jordan.get("id").asString()).body();
        assertThat(page).contains("Peer worker").doesNotContain("Service user").doesNotContain("Clinical team");
        assertThat(session.get("/people?q=jordan").body()).doesNotContain("Service user");
    }

    @Test
    void letsThePersonThemselvesAndAdministratorsSeeEveryRole() {
        assertThat(api.get("/api/v1/me", api.demoToken("peer"))
                        .json()
                        .get("roles")
                        .findValuesAsString("role"))
                .contains("PEER_WORKER", "SERVICE_USER");
        assertThat(find(api.demoToken("admin"), "Jordan Lee").get("roles").findValuesAsString("role"))
                .contains("PEER_WORKER", "SERVICE_USER");
    }

    @Test
    void showsServiceUserRolesToCliniciansAndParticipantRolesToStaff() {
        List<String> seenByClinician = find(api.demoToken("psychiatrist"), "Louise Bernard")
                .get("roles")
                .findValuesAsString("role");
        List<String> seenByPeer =
                find(api.demoToken("peer2"), "Louise Bernard").get("roles").findValuesAsString("role");

        assertThat(seenByClinician).contains("PARTICIPANT", "SERVICE_USER");
        assertThat(seenByPeer).containsExactly("PARTICIPANT");
    }

    @Test
    void leavesStaffOutOfSearchesByServiceRoles() {
        String peer = api.demoToken("peer2");

        // By name: the shared test database holds more participants than a page.
        Api.Response louise = api.get("/api/v1/people?role=PARTICIPANT&query=Louise", peer);
        Api.Response taylor = api.get("/api/v1/people?role=PARTICIPANT&query=Taylor", peer);
        Api.Response asAdmin = api.get("/api/v1/people?role=PARTICIPANT&query=Taylor", api.demoToken("admin"));

        assertThat(louise.json().get("items").findValuesAsString("displayName")).contains("Louise Bernard");
        assertThat(taylor.json().get("items").findValuesAsString("displayName")).doesNotContain("Taylor Kim");
        assertThat(asAdmin.json().get("items").findValuesAsString("displayName"))
                .contains("Taylor Kim");
        assertThat(api.get("/api/v1/people?role=SERVICE_USER", peer).status()).isEqualTo(403);
        assertThat(agency.demoBrowser("peer2")
                        .get("/people?role=SERVICE_USER&q=jordan")
                        .body())
                .doesNotContain("value=\"SERVICE_USER\"");
    }

    private JsonNode find(String token, String name) {
        Api.Response found = api.get("/api/v1/people?query=" + name.replace(" ", "%20"), token);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("items").get(0);
    }
}
