package org.mutuality.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Participant feedback through the API: a participant answers about the peer worker who supports
 * them, named or anonymously; an anonymous answer keeps no author and no day; a worker with fewer
 * than five answers shows "fewer than 5" and no number; only managers, supervisors and the privacy
 * lead see the figures; bad answers are refused and nothing is saved.
 */
@IntegrationTest
class FeedbackIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person worker;
    List<Person> participants = new ArrayList<>();

    @BeforeEach
    void aWorkerSupportingFiveParticipants() {
        api = agency.api();
        tag = TestAgency.tag();
        worker = agency.person("Fern Feedback " + tag)
                .role(Role.PEER_WORKER)
                .account("fern-" + tag)
                .create();
        String supervisor = agency.demoToken("supervisor");
        for (int i = 0; i < 5; i++) {
            Person p = agency.person("Fay Participant" + i + " " + tag)
                    .role(Role.PARTICIPANT)
                    .account("fay" + i + "-" + tag)
                    .create();
            agency.relate(supervisor, "SUPPORTS", worker.id(), p.id());
            participants.add(p);
        }
    }

    @Test
    void offersTheQuestionsAndTheWorkerWhoSupportsThem() {
        Api.Response form = api.get("/api/v1/me/feedback", agency.token(participants.get(0)));

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().get("questions").size()).isEqualTo(3);
        assertThat(form.json().get("workers").get(0).get("id").asString())
                .isEqualTo(worker.id().value().toString());
    }

    @Test
    void keepsNoAuthorAndNoDayForAnAnonymousAnswer() {
        String token = agency.token(participants.get(0));
        long entries = entriesBy(participants.get(0));

        Api.Response given = api.post(
                "/api/v1/me/feedback",
                token,
                "{\"workerId\":\"" + worker.id().value() + "\",\"anonymous\":true,\"answers\":[5,4,5]}");

        assertThat(given.status()).as(given.body()).isEqualTo(204);
        var row = jdbc.sql("select author_id, given_month from feedback_response where worker_id = :w")
                .param("w", worker.id().value())
                .query((rs, i) -> new Object[] {rs.getObject("author_id"), rs.getDate("given_month")})
                .single();
        assertThat(row[0]).isNull();
        assertThat(row[1].toString()).endsWith("-01");
        assertThat(entriesBy(participants.get(0))).isEqualTo(entries);
    }

    @Test
    void showsFewerThanFiveUntilFiveHaveAnswered() {
        String before = agencyFigures();
        for (int i = 0; i < 4; i++) {
            assertThat(give(participants.get(i), i % 2 == 0, "[5,4,4]").status())
                    .isEqualTo(204);
        }
        JsonNode four = figuresFor(worker);
        assertThat(four.get("responses").get("fewerThanFive").asBoolean()).isTrue();
        assertThat(absent(four.get("responses").path("count"))).isTrue();
        assertThat(absent(four.get("means").get(0).path("mean"))).isTrue();
        // Nor do the agency's figures move: the total less the shown workers would give them away.
        assertThat(agencyFigures()).isEqualTo(before);

        give(participants.get(4), true, "[4,4,4]");

        JsonNode five = figuresFor(worker);
        assertThat(five.get("responses").get("fewerThanFive").asBoolean()).isFalse();
        assertThat(five.get("responses").get("count").asInt()).isEqualTo(5);
        assertThat(five.get("means").get(0).get("mean").decimalValue()).isEqualByComparingTo("4.8");
    }

    private String agencyFigures() {
        JsonNode summary = api.get("/api/v1/fidelity/feedback", agency.demoToken("manager"))
                .json();
        return summary.get("responses") + " " + summary.get("overall");
    }

    @Test
    void showsTheFiguresToManagersSupervisorsAndThePrivacyLeadOnly() {
        for (String role : List.of("manager", "supervisor", "privacy")) {
            assertThat(api.get("/api/v1/fidelity/feedback", agency.demoToken(role))
                            .status())
                    .as(role)
                    .isEqualTo(200);
        }
        for (String role : List.of("admin", "peer", "participant")) {
            assertThat(api.get("/api/v1/fidelity/feedback", agency.demoToken(role))
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        assertThat(api.get("/api/v1/fidelity/feedback", agency.token(worker)).status())
                .isEqualTo(403);
    }

    @Test
    void refusesFeedbackAboutAWorkerWhoDoesNotSupportThem() {
        long before = agency.rows("feedback_response");
        Person stranger = agency.person("Sol Stranger " + tag)
                .role(Role.PARTICIPANT)
                .account("sol-" + tag)
                .create();

        assertThat(give(stranger, false, "[5,5,5]").status()).isEqualTo(404);
        assertThat(agency.rows("feedback_response")).isEqualTo(before);
    }

    @Test
    void refusesBadAnswersAndSavesNothing() {
        long before = agency.rows("feedback_response");
        for (String answers : List.of("[5,5]", "[5,5,6]", "[0,5,5]", "[5,5,5,5]", "[]")) {
            Api.Response refused = give(participants.get(0), false, answers);
            assertThat(refused.status()).as(answers).isEqualTo(400);
        }
        assertThat(api.post(
                                "/api/v1/me/feedback",
                                agency.token(participants.get(0)),
                                "{\"workerId\":\"not-an-id\",\"answers\":[5,5,5]}")
                        .status())
                .isEqualTo(400);
        assertThat(agency.rows("feedback_response")).isEqualTo(before);
    }

    @Test
    void refusesStaffGivingFeedback() {
        Api.Response refused = api.post(
                "/api/v1/me/feedback",
                agency.demoToken("peer"),
                "{\"workerId\":\"" + worker.id().value() + "\",\"answers\":[5,5,5]}");

        assertThat(refused.status()).isEqualTo(403);
    }

    private Api.Response give(Person participant, boolean anonymous, String answers) {
        return api.post(
                "/api/v1/me/feedback",
                agency.token(participant),
                "{\"workerId\":\"" + worker.id().value() + "\",\"anonymous\":" + anonymous + ",\"answers\":" + answers
                        + "}");
    }

    private JsonNode figuresFor(Person w) {
        Api.Response summary = api.get("/api/v1/fidelity/feedback", agency.demoToken("manager"));
        assertThat(summary.status()).isEqualTo(200);
        for (JsonNode node : summary.json().get("workers")) {
            if (node.get("workerId").asString().equals(w.id().value().toString())) {
                return node;
            }
        }
        throw new AssertionError("no figures for the worker");
    }

    private long entriesBy(Person person) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :p")
                .param("p", person.id().value())
                .query(Long.class)
                .single();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }
}
