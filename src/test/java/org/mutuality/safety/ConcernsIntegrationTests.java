package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S5: a participant raises a concern about a peer worker, anonymously; it reaches those who handle
 * concerns and never the peer worker; someone without a conflict takes it and answers; the
 * participant reads the answer.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcernsIntegrationTests {

    static final String ANSWER =
            "Thank you. Messages now go through the agency only; the worker was reminded of the plan.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person worker;
    Person raiser;
    Person sister;
    String rafa;
    String wren;
    String siri;
    String privacy;

    @BeforeAll
    void aWorkerTheirSisterAManagerAndAParticipant() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        worker = agency.person("Wren Worker " + tag)
                .roleAcrossAgency(Role.PEER_WORKER)
                .account("wren-" + tag)
                .create();
        raiser = agency.person("Rafa Raiser " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("rafa-" + tag)
                .create();
        sister = agency.person("Siri Sister " + tag)
                .roleAcrossAgency(Role.MANAGER)
                .account("siri-" + tag)
                .create();
        privacy = agency.demoToken("privacy");
        agency.relate(privacy, "FAMILY", sister.id(), worker.id());
        rafa = agency.token("rafa-" + tag);
        wren = agency.token("wren-" + tag);
        siri = agency.token("siri-" + tag);
    }

    @Test
    void reachesThoseWhoHandleConcernsNeverThePersonItIsAbout() {
        raise();

        assertThat(agency.notices(worker.id(), "CONCERN_RAISED")).isZero();
        assertThat(agency.notices(agency.demoPerson("Priya Shah"), "CONCERN_RAISED"))
                .isPositive();
        assertThat(agency.notices(sister.id(), "CONCERN_RAISED")).isPositive();
    }

    @Test
    void refusesThePersonItIsAboutAndRecordsTheRefusal() {
        String id = raise();

        assertThat(api.get("/api/v1/concerns", wren).status()).isEqualTo(403);
        long denied = denied(worker);
        assertThat(api.get("/api/v1/concerns/" + id, wren).status()).isEqualTo(403);
        assertThat(denied(worker)).isGreaterThan(denied);
    }

    @Test
    void hidesWhoRaisedAnAnonymousConcernFromThoseWhoHandleIt() {
        String id = raise();

        JsonNode listed = find(api.get("/api/v1/concerns", privacy).json(), id);

        assertThat(listed.get("raisedById").isNull()).isTrue();
        assertThat(listed.toString()).doesNotContain(raiser.id().toString());
    }

    @Test
    void refusesAHandlerWhoIsFamilyOfThePersonItIsAbout() {
        String id = raise();

        Api.Response blocked = api.post("/api/v1/concerns/" + id + "/take", siri, "{}");

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("Someone else should take this");
    }

    @Test
    void tellsABlockedHandlerWhyOnThePageInTheirLanguageAndChangesNothing() {
        String id = raise();
        BrowserSession page = agency.browser("siri-" + tag);
        page.get("/concerns/" + id + "?lang=fr");

        var taken = page.post("/concerns/" + id + "/take", Map.of());

        assertThat(taken.statusCode()).isEqualTo(302);
        assertThat(page.get("/concerns/" + id).body())
                .contains("Une autre personne devrait s’en charger")
                .doesNotContain("Someone else should take this");
        assertThat(api.get("/api/v1/concerns/" + id, privacy)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("RAISED");
    }

    @Test
    void isTakenByThePrivacyLeadOnce() {
        String id = raise();

        assertThat(api.post("/api/v1/concerns/" + id + "/take", privacy, "{}")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("IN_REVIEW");
        assertThat(api.post("/api/v1/concerns/" + id + "/take", privacy, "{}").status())
                .isEqualTo(409);
    }

    @Test
    void isAnsweredOnlyByWhoTookItAndNotInAWord() {
        String id = taken();

        assertThat(api.post("/api/v1/concerns/" + id + "/answer", siri, "{\"answer\":\"We spoke with them.\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/concerns/" + id + "/answer", privacy, "{\"answer\":\"ok\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void tellsWhoRaisedItOfTheAnswerAndShowsItToThem() {
        String id = taken();
        int before = agency.notices(raiser.id(), "CONCERN_ANSWERED");

        Api.Response answered = answer(id);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(agency.notices(raiser.id(), "CONCERN_ANSWERED")).isEqualTo(before + 1);
        JsonNode mine = find(api.get("/api/v1/me/concerns", rafa).json(), id);
        assertThat(mine.get("status").asString()).isEqualTo("ANSWERED");
        assertThat(mine.get("answer").asString()).contains("through the agency");
    }

    @Test
    void isClosedByWhoRaisedItOnce() {
        String id = taken();
        answer(id);

        assertThat(api.post("/api/v1/concerns/" + id + "/close", rafa, "{}")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(api.post("/api/v1/concerns/" + id + "/close", rafa, "{}").status())
                .isEqualTo(409);
    }

    @Test
    void showsTheAnswerOnTheRaisersPageAndTheConcernOnTheHandlersList() {
        String id = taken();
        answer(id);

        var page = agency.browser("rafa-" + tag).get("/concerns/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("through the agency");
        assertThat(agency.demoBrowser("privacy").get("/concerns?all=true").body())
                .contains(worker.displayName());
    }

    @Test
    void refusesBadConcernsAndChangesNothing() {
        String participant = agency.demoToken("participant");
        long before = jdbc.sql("select count(*) from concern").query(Long.class).single();
        PersonId julie = agency.demoPerson("Julie Roy");
        PersonId louise = agency.demoPerson("Louise Bernard");
        for (String body : List.of(
                "{\"text\":\"short\"}",
                "{\"text\":\"" + "x".repeat(4001) + "\"}",
                "{\"aboutId\":\"" + julie + "\",\"text\":\"About myself, which makes no sense.\"}",
                "{\"aboutId\":\"" + louise + "\",\"text\":\"Louise is a participant, not staff.\"}",
                "{\"aboutId\":\"not-a-uuid\",\"text\":\"A long enough text here.\"}",
                "{")) {
            Api.Response r = api.post("/api/v1/concerns", participant, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(api.post(
                                "/api/v1/concerns",
                                participant,
                                "{\"aboutId\":\"" + UUID.randomUUID() + "\",\"text\":\"Someone who does not exist.\"}")
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from concern").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void answersAMissingConcernWithNotFound() {
        assertThat(api.get("/api/v1/concerns/" + UUID.randomUUID(), privacy).status())
                .isEqualTo(404);
    }

    @Test
    void cannotBeLockedAwayByAConsentDirective() {
        Api.Response lockbox = api.post(
                "/api/v1/people/" + agency.demoPerson("Jordan Lee") + "/consent-directives",
                agency.demoToken("peer"),
                Api.json(Map.of("purpose", "SAFETY", "recordKind", "SAFETY_RECORDS")));

        assertThat(lockbox.status()).isEqualTo(400);
    }

    private String raise() {
        return agency.raiseConcern(rafa, worker.id(), "They keep texting me from their own phone late at night.", true);
    }

    private String taken() {
        String id = raise();
        assertThat(api.post("/api/v1/concerns/" + id + "/take", privacy, "{}").status())
                .isEqualTo(200);
        return id;
    }

    private Api.Response answer(String id) {
        return api.post("/api/v1/concerns/" + id + "/answer", privacy, Api.json(Map.of("answer", ANSWER)));
    }

    private long denied(Person actor) {
        return jdbc.sql("select count(*) from audit_entry where actor_id = :a and outcome = 'DENIED'")
                .param("a", actor.id().value())
                .query(Long.class)
                .single();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }
}
