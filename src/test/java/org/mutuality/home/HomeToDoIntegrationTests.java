package org.mutuality.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Home is a to-do list per role (issue 21, item 7): the approver sees hours waiting, the privacy lead
 * sees emergency accesses to review, a peer worker sees by name who chose them. Nobody sees a count
 * that is not theirs: a participant's and a peer worker's home say nothing of others' hours, concerns
 * or emergency accesses.
 */
@IntegrationTest
class HomeToDoIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void theApproverSeesTheHoursThatWaitForThem() {
        Api api = agency.api();
        Api.Response recorded = api.post(
                "/api/v1/timesheets",
                api.demoToken("peer2"),
                "{\"date\":\"" + agency.today().minusDays(1) + "\",\"hours\":2,\"activity\":\"Recovery group\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

        String home = agency.demoBrowser("supervisor").get("/").body();

        assertThat(home).containsPattern("(One entry of hours waits|\\d+ entries of hours wait) for your approval");
    }

    @Test
    void thePrivacyLeadSeesEmergencyAccessesToReview() {
        Person subject = agency.person("Aube Urgence " + TestAgency.tag())
                .role(Role.SERVICE_USER)
                .create();
        Api.Response opened = agency.api()
                .post(
                        "/api/v1/access/break-glass",
                        agency.demoToken("supervisor"),
                        Api.json(Map.of(
                                "subjectId", subject.id().value().toString(),
                                "recordKind", "CARE_NOTES",
                                "reason", "COVERING_FOR_CARE_TEAM",
                                "detail", "Her psychiatrist is away and she asked for help tonight.")));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        assertThat(agency.demoBrowser("privacy").get("/").body())
                .containsPattern("(One emergency access waits|\\d+ emergency accesses wait) for your review");
        assertThat(agency.demoBrowser("supervisor").get("/").body()).doesNotContain("for your review");
    }

    @Test
    void saysNothingOfOthersWorkToAParticipantOrAPeerWorker() {
        String participant = agency.demoBrowser("participant").get("/").body();
        String peer = agency.demoBrowser("peer2").get("/").body();

        assertThat(participant)
                .doesNotContain("for your approval")
                .doesNotContain("for your review")
                .doesNotContain("wait for someone to take");
        assertThat(peer).doesNotContain("for your review").doesNotContain("for someone to take it");
    }

    @Test
    void aStaffMemberSeesTheirOwnTrainingsDueAndNobodyElses() {
        // In the demo, Jordan's confidentiality training has expired.
        assertThat(agency.demoBrowser("peer").get("/").body())
                .containsPattern(
                        "(One of your trainings or certifications is|\\d+ of your trainings or certifications are)"
                                + " missing, expired or expiring soon");
        assertThat(agency.demoBrowser("participant").get("/").body()).doesNotContain("of your trainings");
    }

    @Test
    void namesWhoChoseAPeerWorker() {
        int waiting = agency.api()
                .get("/api/v1/me/day", agency.demoToken("peer"))
                .json()
                .get("referralsWaitingForMe")
                .size();

        String home = agency.demoBrowser("peer").get("/").body();

        assertThat(home).doesNotContain("Someone chose you as their peer worker");
        if (waiting > 0) {
            assertThat(home).containsPattern("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+ chose you as their peer worker");
        }
    }
}
