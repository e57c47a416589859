package org.mutuality.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The lockbox: a person withholds their record from a named clinician, then changes their mind. */
@IntegrationTest
class ConsentDirectivesIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withholdsCareNotesFromANamedClinicianUntilWithdrawn() {
        Api api = agency.api();
        String peer = api.demoToken("peer");
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        String helene = Demo.personId(jdbc, "Hélène Tremblay");
        String psychiatrist = api.demoToken("psychiatrist");
        String notes = "/api/v1/people/" + jordan + "/notes?kind=CARE_NOTES";
        assertThat(api.get(notes, psychiatrist).status()).isEqualTo(200);

        Api.Response given = api.post(
                "/api/v1/people/" + jordan + "/consent-directives",
                peer,
                "{\"withheldFrom\":\"" + helene
                        + "\",\"recordKind\":\"CARE_NOTES\",\"note\":\"I would like another doctor.\"}");
        assertThat(given.status()).as(given.body()).isEqualTo(201);

        assertThat(api.get(notes, psychiatrist).status()).isEqualTo(403);
        assertThat(api.get(notes, peer).status()).isEqualTo(200);

        String id = given.json().get("id").asString();
        assertThat(api.post("/api/v1/people/" + jordan + "/consent-directives/" + id + "/withdraw", peer, "")
                        .json()
                        .get("active")
                        .asBoolean())
                .isFalse();
        assertThat(api.get(notes, psychiatrist).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + jordan + "/consent-directives", peer)
                        .json())
                .isNotEmpty();
    }

    @Test
    void refusesToWithdrawADirectiveTwiceNamingItsState() {
        Api api = agency.api();
        String peer = api.demoToken("peer");
        String directives = "/api/v1/people/" + Demo.personId(jdbc, "Jordan Lee") + "/consent-directives";
        String id = api.post(directives, peer, "{\"purpose\":\"SUPERVISION\"}")
                .json()
                .get("id")
                .asString();
        assertThat(api.post(directives + "/" + id + "/withdraw", peer, "").status())
                .isEqualTo(200);

        Api.Response again = api.post(directives + "/" + id + "/withdraw", peer, "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).isEqualTo("That instruction was already withdrawn.");
    }

    @Test
    void keepsDirectivesPrivateToThePersonAndThePrivacyLead() {
        Api api = agency.api();
        String jordan = Demo.personId(jdbc, "Jordan Lee");

        assertThat(api.get("/api/v1/people/" + jordan + "/consent-directives", api.demoToken("privacy"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + jordan + "/consent-directives", api.demoToken("psychiatrist"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/people/" + jordan + "/consent-directives", api.demoToken("admin"))
                        .status())
                .isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                400 | {}
                400 | {"recordKind":"CARE_NOTES"}
                400 | {"purpose":"GOSSIP"}
                400 | {"withheldFrom":"not-a-uuid"}
                404 | {"withheldFrom":"00000000-0000-0000-0000-000000000001"}
                400 | {"purpose":"CARE","note":"%s"}
                """)
    void refusesBadDirectivesAndRecordsNothing(int status, String template) {
        Api api = agency.api();
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        long before = count();

        Api.Response response = api.post(
                "/api/v1/people/" + jordan + "/consent-directives",
                api.demoToken("peer"),
                template.formatted("x".repeat(501)));

        assertThat(response.status()).as(template).isEqualTo(status);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void letsAPersonWithholdTheirRecordInTheBrowser() {
        BrowserSession session = agency.demoBrowser("peer2");
        String marc = Demo.personId(jdbc, "Marc-André Gagnon");
        session.get("/people/" + marc + "/consent");
        long before = count();

        session.post("/people/" + marc + "/consent", Map.of("purpose", "SUPERVISION", "recordKind", "SUPPORT_NOTES"));

        assertThat(count()).isEqualTo(before + 1);
        assertThat(session.get("/people/" + marc + "/consent").body()).contains("For supervision");
    }

    private long count() {
        return jdbc.sql("select count(*) from consent_directive")
                .query(Long.class)
                .single();
    }
}
