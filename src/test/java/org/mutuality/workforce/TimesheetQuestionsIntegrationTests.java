package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hours that can be questioned (issue 16, part 6): Marc's hours go to Sam, who may approve them;
 * Jordan's go to Hélène, whom the policy blocks (S1). An approver asks or returns; the worker
 * answers or corrects; only then are the hours approved. The conflict check stops a blocked
 * approver from asking as from approving; no one else asks, answers or corrects.
 */
@IntegrationTest
class TimesheetQuestionsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String marc;
    String sam;

    @BeforeEach
    void setUp() {
        api = agency.api();
        marc = api.demoToken("peer2");
        sam = api.demoToken("supervisor");
    }

    @Test
    void approvesQuestionedHoursOnlyOnceTheWorkerAnswered() {
        String entry = record(marc, "3.5");
        int toldMarc = agency.notices(person("Marc-André Gagnon"), "TIMESHEET_QUESTIONED");
        int toldSam = agency.notices(person("Samuel Okafor"), "TIMESHEET_ANSWERED");

        Api.Response asked = post(entry, "question", sam, "{\"text\":\"Was this the Tuesday group?\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("outcome").asString()).isEqualTo("QUESTIONED");
        assertThat(asked.json().get("entry").get("status").asString()).isEqualTo("QUESTIONED");
        assertThat(agency.notices(person("Marc-André Gagnon"), "TIMESHEET_QUESTIONED"))
                .isEqualTo(toldMarc + 1);
        assertThat(post(entry, "approve", sam, "{}").status()).isEqualTo(409);

        Api.Response answered = post(entry, "answer", marc, "{\"text\":\"Yes, and the calls after it.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(agency.notices(person("Samuel Okafor"), "TIMESHEET_ANSWERED"))
                .isEqualTo(toldSam + 1);

        Api.Response approved = post(entry, "approve", sam, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode decisions = decisions(entry, marc);
        assertThat(decisions.findValuesAsString("outcome")).containsExactly("QUESTIONED", "ANSWERED", "APPROVED");
        assertThat(decisions.get(0).get("message").asString()).isEqualTo("Was this the Tuesday group?");
        assertThat(decisions.get(1).get("message").asString()).isEqualTo("Yes, and the calls after it.");
    }

    @Test
    void keepsTheReturnedVersionWhenTheWorkerCorrectsItAndApprovesTheCorrection() {
        String entry = record(marc, "3.5");
        int toldMarc = agency.notices(person("Marc-André Gagnon"), "TIMESHEET_RETURNED");
        int toldSam = agency.notices(person("Samuel Okafor"), "TIMESHEET_CORRECTED");

        Api.Response returned = post(entry, "return", sam, "{\"reason\":\"The group ran two hours, not 3.5.\"}");
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("entry").get("status").asString()).isEqualTo("RETURNED");
        assertThat(agency.notices(person("Marc-André Gagnon"), "TIMESHEET_RETURNED"))
                .isEqualTo(toldMarc + 1);
        assertThat(post(entry, "answer", marc, "{\"text\":\"It did not\"}").status())
                .as("a returned entry waits for a correction, not an answer")
                .isEqualTo(409);

        Api.Response corrected = post(entry, "correct", marc, hours("2", "Recovery group") + "");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("version").asInt()).isEqualTo(2);
        assertThat(corrected.json().get("hours").decimalValue()).isEqualByComparingTo("2");
        assertThat(corrected.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(agency.notices(person("Samuel Okafor"), "TIMESHEET_CORRECTED"))
                .isEqualTo(toldSam + 1);
        JsonNode versions =
                api.get("/api/v1/timesheets/" + entry + "/versions", sam).json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("hours").decimalValue()).isEqualByComparingTo("3.5");

        Api.Response approved = post(entry, "approve", sam, "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("entry").get("hours").decimalValue()).isEqualByComparingTo("2");
        assertThat(decisions(entry, sam).findValuesAsString("outcome"))
                .containsExactly("RETURNED", "CORRECTED", "APPROVED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"approve", "question", "return"})
    void refusesTheWorkerApprovingQuestioningOrReturningTheirOwnHours(String step) {
        String entry = record(marc, "2");

        Api.Response own = post(entry, step, marc, said(step, "mine"));

        assertThat(own.status()).as(own.body()).isEqualTo(403);
        assertThat(status(entry, marc)).isEqualTo("SUBMITTED");
        assertThat(decisions(entry, marc)).isEmpty();
    }

    /**
     * A colleague who does not see Marc's entry reads it as missing, as for approving; the
     * administrator sees it, and is refused as not its approver.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"peer,question,404", "peer,return,404", "psychiatrist,question,404", "admin,return,403"})
    void refusesAColleagueWhoIsNotTheApprover(String colleague, String step, int status) {
        String entry = record(marc, "2");

        Api.Response asked = post(entry, step, api.demoToken(colleague), said(step, "why?"));

        assertThat(asked.status()).as(asked.body()).isEqualTo(status);
        assertThat(status(entry, marc)).isEqualTo("SUBMITTED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"question", "return"})
    void stopsAnApproverThePolicyBlocksFromQuestioningOrReturningAndLetsHerHandOver(String step) {
        String entry = agency.hoursWaitingFor(api.demoToken("peer"), person("Hélène Tremblay"), "3", "Recovery group");
        String helene = api.demoToken("psychiatrist");
        int toldJordan = agency.notices(person("Jordan Lee"));

        Api.Response refused = post(entry, step, helene, said(step, "Really?"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("alternatives").findValuesAsString("name"))
                .contains("Sam Okafor");
        assertThat(status(entry, helene)).isEqualTo("SUBMITTED");
        assertThat(agency.notices(person("Jordan Lee")))
                .as("Jordan is asked nothing")
                .isEqualTo(toldJordan);
        JsonNode kept = decisions(entry, helene);
        assertThat(kept.findValuesAsString("outcome")).containsExactly("REFUSED_BY_POLICY");
        assertThat(kept.get(0).get("message").isNull()).isTrue();

        Api.Response handed = post(
                entry,
                "hand-over",
                helene,
                "{\"approverId\":\"" + person("Samuel Okafor").value() + "\"}");
        assertThat(handed.status()).as(handed.body()).isEqualTo(200);
        Api.Response asked = post(entry, step, sam, said(step, "Which day?"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
    }

    @Test
    void letsNoOneButTheWorkerAnswerTheQuestion() {
        String entry = record(marc, "2");
        assertThat(post(entry, "question", sam, "{\"text\":\"Which group?\"}").status())
                .isEqualTo(200);

        assertThat(post(entry, "answer", api.demoToken("peer"), "{\"text\":\"Not mine to say\"}")
                        .status())
                .as("a colleague does not see the entry")
                .isEqualTo(404);
        assertThat(post(entry, "answer", sam, "{\"text\":\"I answer for him\"}").status())
                .as("the approver sees it but does not answer for the worker")
                .isEqualTo(403);
        assertThat(post(entry, "correct", sam, hours("1", "Changed by the approver"))
                        .status())
                .isEqualTo(403);
        assertThat(status(entry, marc)).isEqualTo("QUESTIONED");
        assertThat(decisions(entry, marc).findValuesAsString("outcome")).containsExactly("QUESTIONED");
    }

    @Test
    void refusesToCorrectApprovedHours() {
        String entry = record(marc, "2");
        assertThat(post(entry, "approve", sam, "{}").status()).isEqualTo(200);

        Api.Response corrected = post(entry, "correct", marc, hours("5", "More than I said"));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(409);
        assertThat(corrected.contentType()).startsWith("application/problem+json");
        JsonNode now = api.get("/api/v1/timesheets/" + entry, marc).json();
        assertThat(now.get("hours").decimalValue()).isEqualByComparingTo("2");
        assertThat(now.get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/timesheets/" + entry + "/versions", marc).json())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "question|{\"text\":\"\"}",
                "question|{\"text\":\"   \"}",
                "question|{}",
                "question|[1]",
                "question|{\"text\":\"%s\"}",
                "return|{\"reason\":\"\"}",
                "return|{\"text\":\"a reason in the wrong field\"}",
                "return|{\"reason\":\"%s\"}"
            })
    void refusesABadQuestionOrReasonAndChangesNothing(String step, String body) {
        String entry = record(marc, "2");

        Api.Response refused = post(entry, step, sam, body.formatted("x".repeat(1001)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(status(entry, marc)).isEqualTo("SUBMITTED");
        assertThat(decisions(entry, marc)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "answer|{\"text\":\"\"}",
                "answer|{}",
                "correct|{\"date\":\"%s\",\"hours\":0,\"activity\":\"x\"}",
                "correct|{\"date\":\"%s\",\"hours\":1.1,\"activity\":\"x\"}",
                "correct|{\"date\":\"2999-01-01\",\"hours\":2,\"activity\":\"future\"}",
                "correct|{\"date\":\"%s\",\"hours\":2,\"activity\":\"\"}",
                "correct|{\"hours\":2,\"activity\":\"no day\"}",
                "correct|[1]"
            })
    void refusesABadAnswerOrCorrectionAndChangesNothing(String stepAndBody) {
        String entry = record(marc, "2");
        assertThat(post(entry, "question", sam, "{\"text\":\"Which group?\"}").status())
                .isEqualTo(200);
        String step = stepAndBody.substring(0, stepAndBody.indexOf('|'));
        String body = stepAndBody.substring(stepAndBody.indexOf('|') + 1).formatted(agency.today());

        Api.Response refused = post(entry, step, marc, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(status(entry, marc)).isEqualTo("QUESTIONED");
        assertThat(api.get("/api/v1/timesheets/" + entry, marc)
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(decisions(entry, marc)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"question", "return", "answer", "correct", "versions"})
    void answersNotFoundToAnotherAgency(String step) {
        String entry = record(marc, "2");
        TestAgency other = agency.inAgency("Hours elsewhere");
        Person wren = other.person("Wren Elsewhere")
                .role(Role.SUPERVISOR)
                .account("wren-" + TestAgency.tag())
                .create();
        String token = other.token(wren);

        Api.Response response = step.equals("versions")
                ? api.get("/api/v1/timesheets/" + entry + "/versions", token)
                : post(entry, step, token, step.equals("correct") ? hours("2", "elsewhere") : said(step, "x"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(status(entry, marc)).isEqualTo("SUBMITTED");
    }

    @Test
    void showsTheWorkerTheirHoursBesideTheirDirectSupportTimeEachWeek() {
        String jordan = api.demoToken("peer");
        JsonNode before = api.get("/api/v1/timesheets/weeks", jordan).json();
        String circle = jdbc.sql("select cast(id as varchar(36)) from support_group where name = 'Peer drop-in circle'")
                .query(String.class)
                .single();
        String julie = person("Julie Roy").value().toString();

        record(jordan, agency.today(), "1.5");
        assertThat(api.post(
                                "/api/v1/groups/" + circle + "/sessions",
                                jordan,
                                "{\"heldOn\":\"" + agency.today() + "\",\"durationMinutes\":60}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post(
                                "/api/v1/people/" + julie + "/interactions",
                                jordan,
                                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":45}")
                        .status())
                .isEqualTo(201);

        JsonNode after = api.get("/api/v1/timesheets/weeks", jordan).json();
        assertThat(after).hasSize(8);
        assertThat(after.get(0).get("monday").asString()).isEqualTo(monday().toString());
        assertThat(after.get(0).get("hoursRecorded").decimalValue())
                .isEqualByComparingTo(
                        before.get(0).get("hoursRecorded").decimalValue().add(new BigDecimal("1.5")));
        assertThat(after.get(0).get("directSupportMinutes").asInt())
                .isEqualTo(before.get(0).get("directSupportMinutes").asInt() + 105);
        assertThat(after.get(0).has("score")).isFalse();
        assertThat(after.get(0).size())
                .as("two figures and the week, nothing computed from them")
                .isEqualTo(4);
    }

    @Test
    void showsAPersonsWeeksToTheirSupervisorAndApproverAndToNoOneElse() {
        String jordan = person("Jordan Lee").value().toString();

        assertThat(api.get("/api/v1/timesheets/weeks/" + jordan, sam).status())
                .as("Sam supervises Jordan")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/timesheets/weeks/" + jordan, api.demoToken("psychiatrist"))
                        .status())
                .as("Hélène approves Jordan's time")
                .isEqualTo(200);
        for (String other : new String[] {"admin", "privacy", "manager", "peer2", "volunteer"}) {
            long refusals = agency.refusals(other);
            assertThat(api.get("/api/v1/timesheets/weeks/" + jordan, api.demoToken(other))
                            .status())
                    .as(other)
                    .isEqualTo(404);
            assertThat(agency.refusals(other))
                    .as(other + " refused on the record")
                    .isEqualTo(refusals + 1);
        }
        assertThat(api.get("/api/v1/timesheets/weeks/" + UUID.randomUUID(), sam).status())
                .isEqualTo(404);
    }

    private LocalDate monday() {
        return agency.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private String record(String token, String hours) {
        return record(token, agency.today().minusDays(1), hours);
    }

    private String record(String token, LocalDate day, String hours) {
        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                token,
                "{\"date\":\"" + day + "\",\"hours\":" + hours + ",\"activity\":\"Recovery group\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asString();
    }

    private String hours(String hours, String activity) {
        return "{\"date\":\"" + agency.today().minusDays(1) + "\",\"hours\":" + hours + ",\"activity\":\"" + activity
                + "\"}";
    }

    /** The body of a step that says something: a reason to return, a text otherwise. */
    private static String said(String step, String text) {
        return step.equals("approve")
                ? "{\"note\":\"" + text + "\"}"
                : "{\"" + (step.equals("return") ? "reason" : "text") + "\":\"" + text + "\"}";
    }

    private Api.Response post(String entry, String step, String token, String body) {
        return api.post("/api/v1/timesheets/" + entry + "/" + step, token, body);
    }

    private String status(String entry, String token) {
        return api.get("/api/v1/timesheets/" + entry, token)
                .json()
                .get("status")
                .asString();
    }

    private JsonNode decisions(String entry, String token) {
        return api.get("/api/v1/timesheets/" + entry + "/decisions", token).json();
    }

    private PersonId person(String legalName) {
        return agency.demoPerson(legalName);
    }
}
