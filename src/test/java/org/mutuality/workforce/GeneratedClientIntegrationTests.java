package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.mutuality.test.client.ApiClient;
import org.mutuality.test.client.ApiException;
import org.mutuality.test.client.api.AccountApiApi;
import org.mutuality.test.client.api.TimesheetsApiApi;
import org.mutuality.test.client.model.DirectoryWebAccountApiCredentials;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiApprovalJson;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiDecisionRecordJson;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiHandOverBody;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiHoursBody;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiTimesheetEntryJson;
import org.mutuality.test.client.model.WorkforceWebTimesheetsApiTimesheetRouteJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S1 through a Java client generated from docs/api/openapi.json (OpenAPI Generator, native
 * library): the psychiatrist cannot approve the hours of the peer worker she treats, hands them to
 * the supervisor, who can. Whatever the document describes wrongly, this client sends or reads
 * wrongly (issue 19, ADR 0036).
 */
@IntegrationTest
class GeneratedClientIntegrationTests {

    @Autowired
    TestAgency agency;

    @LocalServerPort
    int port;

    @Test
    void routesThePeersHoursAroundThePsychiatristWhoTreatsHim() throws ApiException {
        TimesheetsApiApi peer = timesheets("peer");

        WorkforceWebTimesheetsApiTimesheetEntryJson recorded = peer.record(hours("Drop-in"));
        WorkforceWebTimesheetsApiTimesheetRouteJson route = peer.route();

        assertThat(recorded.getApproverId()).isEqualTo(sam());
        assertThat(recorded.getHours()).isEqualByComparingTo("3.5");
        assertThat(route.getApproverId()).isEqualTo(sam());
        assertThat(route.getPassedOverId()).isEqualTo(helene());
        assertThat(route.getReasons()).anySatisfy(reason -> assertThat(reason).contains("care relationship"));
    }

    @Test
    void refusesThePsychiatristAndLetsTheSupervisorSheHandsTheHoursToApprove() throws Exception {
        UUID entry = timesheets("peer").record(hours("Notes")).getId();
        agency.standWith(entry, new PersonId(helene()));
        TimesheetsApiApi psychiatrist = timesheets("psychiatrist");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> psychiatrist.approve(entry, null));
        WorkforceWebTimesheetsApiApprovalJson blocked = client().getObjectMapper()
                .readValue(refused.getResponseBody(), WorkforceWebTimesheetsApiApprovalJson.class);
        WorkforceWebTimesheetsApiTimesheetEntryJson handed =
                psychiatrist.handOver(entry, new WorkforceWebTimesheetsApiHandOverBody().approverId(sam()));
        WorkforceWebTimesheetsApiApprovalJson approved =
                timesheets("supervisor").approve(entry, null);

        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(blocked.getDecision()).isEqualTo("BLOCK");
        assertThat(blocked.getEntry().getStatus()).isEqualTo("SUBMITTED");
        assertThat(blocked.getAlternatives().get(0).getPersonId()).isEqualTo(sam());
        assertThat(handed.getApproverId()).isEqualTo(sam());
        assertThat(approved.getEntry().getStatus()).isEqualTo("APPROVED");
        assertThat(timesheets("peer").decisions(entry))
                .extracting(WorkforceWebTimesheetsApiDecisionRecordJson::getOutcome)
                .containsExactly("REFUSED_BY_POLICY", "HANDED_OVER", "APPROVED");
    }

    /** The timesheets API as a demo user, signed in through the generated client too. */
    private TimesheetsApiApi timesheets(String username) throws ApiException {
        ApiClient anonymous = client();
        String token = new AccountApiApi(anonymous)
                .token(new DirectoryWebAccountApiCredentials()
                        .username(username)
                        .password(Api.DEMO_PASSWORD))
                .getToken();
        return new TimesheetsApiApi(
                client().setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token)));
    }

    private ApiClient client() {
        return new ApiClient().setScheme("http").setHost("localhost").setPort(port);
    }

    private WorkforceWebTimesheetsApiHoursBody hours(String activity) {
        return new WorkforceWebTimesheetsApiHoursBody()
                .date(agency.today().minusDays(1))
                .hours(new BigDecimal("3.5"))
                .activity(activity);
    }

    private UUID sam() {
        return agency.demoPerson("Samuel Okafor").value();
    }

    private UUID helene() {
        return agency.demoPerson("Hélène Tremblay").value();
    }
}
