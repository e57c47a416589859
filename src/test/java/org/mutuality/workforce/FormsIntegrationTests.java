package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input in the forms of hours, relationships and the policy: a clear message, nothing changed. */
@IntegrationTest
class FormsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "2026-11-01|abc|Drop-in|hours must be a number",
                "2026-11-01|0|Drop-in|hours must be more than 0",
                "2026-11-01|30|Drop-in|hours must be more than 0",
                "2026-11-01|1.1|Drop-in|quarter hours",
                "2999-01-01|2|Drop-in|not in the future",
                "|2|Drop-in|Enter the day",
                "2026-11-01|2||activity is required"
            })
    void refusesBadHoursInTheForm(String date, String hours, String activity, String message) {
        BrowserSession session = agency.demoBrowser("peer2");
        session.get("/timesheets");
        long before = count("timesheet_entry");

        HttpResponse<String> response = session.post(
                "/timesheets",
                Map.of("date", date == null ? "" : date, "hours", hours, "activity", activity == null ? "" : activity));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("role=\"alert\"").containsIgnoringCase(message);
        assertThat(count("timesheet_entry")).isEqualTo(before);
    }

    @Test
    void refusesARelationshipFormWithoutAKindOrForSomeoneElse() {
        BrowserSession session = agency.demoBrowser("peer");
        String emma = Demo.personId(jdbc, "Emma Wilson");
        session.get("/people/" + emma + "/relationships");
        long before = count("relationship");

        HttpResponse<String> noKind = session.post("/people/" + emma + "/relationships", Map.of("kind", ""));
        HttpResponse<String> unknown = session.post("/people/" + emma + "/relationships", Map.of("kind", "RIVAL"));
        HttpResponse<String> others = session.post(
                "/people/" + emma + "/relationships",
                Map.of("kind", "FRIEND", "personAId", Demo.personId(jdbc, "Noah Martin")));

        assertThat(noKind.body()).contains("Choose how the two people are related");
        assertThat(unknown.body()).contains("Kind must be one of");
        assertThat(others.body()).contains("A personal relationship is declared by one of the two people");
        assertThat(count("relationship")).isEqualTo(before);
    }

    @Test
    void recordsAnAssignmentOnlyOnceTheWarningIsAcknowledgedKeepingWhatWasTyped() {
        BrowserSession session = agency.demoBrowser("manager");
        String louise = Demo.personId(jdbc, "Louise Bernard");
        String marc = Demo.personId(jdbc, "Marc-André Gagnon");
        session.get("/people/" + louise + "/relationships");
        long before = count("relationship");
        Map<String, String> form = Map.of(
                "kind",
                "SUPPORTS",
                "personAId",
                marc,
                "personBId",
                louise,
                "startDate",
                "2026-01-05",
                "note",
                "After the group");

        HttpResponse<String> warned = session.post("/people/" + louise + "/relationships", form);

        assertThat(warned.body())
                .contains("I have read these reasons")
                .contains("value=\"2026-01-05\"")
                .contains("value=\"After the group\"");
        assertThat(count("relationship")).isEqualTo(before);

        java.util.Map<String, String> acknowledged = new java.util.HashMap<>(form);
        acknowledged.put("acknowledge", "true");
        session.post("/people/" + louise + "/relationships", acknowledged);

        assertThat(count("relationship")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select note from relationship where person_a_id = :a and person_b_id = :b"
                                + " and kind = 'SUPPORTS' and start_date = :d")
                        .param("a", java.util.UUID.fromString(marc))
                        .param("b", java.util.UUID.fromString(louise))
                        .param("d", java.time.LocalDate.of(2026, 1, 5))
                        .query(String.class)
                        .single())
                .isEqualTo("After the group");
    }

    @Test
    void showsTheRefusalWhenASupervisionIsBlocked() {
        BrowserSession session = agency.demoBrowser("manager");
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        session.get("/people/" + jordan + "/relationships");
        long before = count("relationship");

        HttpResponse<String> refused = session.post(
                "/people/" + jordan + "/relationships",
                Map.of("kind", "SUPERVISES", "personAId", Demo.personId(jdbc, "Hélène Tremblay"), "personBId", jordan));

        // The manager may not see the care relationship: the reason says only that one exists.
        assertThat(refused.body())
                .contains("Not allowed")
                .contains("A declared relationship means someone else should take this action")
                .doesNotContain("care relationship")
                .contains("Sam Okafor");
        assertThat(count("relationship")).isEqualTo(before);
    }

    @Test
    void showsTheLineOfAnInvalidPolicyAndKeepsTheOldOne() {
        BrowserSession session = agency.demoBrowser("privacy");
        session.get("/conflicts/policy");
        long before = count("conflict_policy");

        HttpResponse<String> invalid = session.post(
                "/conflicts/policy", Map.of("text", "rules:\n  - id: a\n    kinds: [TREATS]\n", "reason", "test"));
        String text = agency.api()
                .get("/api/v1/conflicts/policy", agency.demoToken("privacy"))
                .body();
        HttpResponse<String> preview = session.post("/conflicts/policy/preview", Map.of("text", text, "reason", ""));
        java.util.regex.Matcher previewed = java.util.regex.Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"")
                .matcher(preview.body());
        assertThat(previewed.find()).isTrue();
        HttpResponse<String> noReason =
                session.post("/conflicts/policy", Map.of("text", text, "reason", "", "previewed", previewed.group(1)));

        assertThat(invalid.body()).contains("The policy was not saved").contains("line 2");
        assertThat(noReason.body()).contains("Reason is required");
        assertThat(count("conflict_policy")).isEqualTo(before);
    }

    @Test
    void showsTheLineOfAnInvalidPolicyInTheReadersLanguage() {
        BrowserSession session = agency.demoBrowser("privacy");
        session.get("/conflicts/policy?lang=fr");

        HttpResponse<String> invalid = session.post(
                "/conflicts/policy", Map.of("text", "rules:\n  - id: a\n    kinds: [TREATS]\n", "reason", "essai"));

        assertThat(invalid.body())
                .contains("La politique n’a pas été enregistrée")
                .contains("ligne 2, règle « a » : « actions » est obligatoire")
                .doesNotContain("is required");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
