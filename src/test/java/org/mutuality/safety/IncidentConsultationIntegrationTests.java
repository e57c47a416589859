package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Taking an incident in hand on a consultation (issue 15, part 2): Pia, a peer worker, records an
 * incident with Paul, a participant; Hana, a supervisor who handles incidents, is Paul's friend, so
 * the check asks her to consult ({@code INVESTIGATE_INCIDENT}); Cleo, a supervisor without a
 * conflict, advises. Xena, another supervisor, is Paul's friend too.
 */
@IntegrationTest
class IncidentConsultationIntegrationTests {

    static final String TAKE_IN_HAND = ConsultingHandlers.TAKE_IN_HAND;
    static final String GO_AHEAD = ConsultingHandlers.GO_AHEAD;

    @Autowired
    TestAgency agency;

    Api api;
    String tag;
    Person pia;
    Person paul;
    Person hana;
    Person xena;
    String privacy;
    ConsultingHandlers handlers;
    String hanaToken;

    @BeforeEach
    void cast() {
        api = agency.api();
        tag = TestAgency.tag();
        pia = agency.person("Pia Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("pia-" + tag)
                .create();
        paul = agency.person("Paul Participant " + tag)
                .role(Role.PARTICIPANT)
                .account("paul-" + tag)
                .create();
        privacy = agency.demoToken("privacy");
        handlers = ConsultingHandlers.friendsOf(agency, tag, paul);
        hana = handlers.hana();
        xena = handlers.xena();
        hanaToken = handlers.hanaToken();
    }

    @Test
    void asksTheHandlerToConsultAboutThePersonSheKnowsAndNamesThem() {
        Api.Response refused = take(record(), hanaToken, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("CONSULT");
        assertThat(refused.json().get("action").asString()).isEqualTo(TAKE_IN_HAND);
        assertThat(refused.json().get("actorId").asString()).isEqualTo(hana.id().toString());
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(paul.id().toString());
    }

    @Test
    void isTakenOnAConsultationAnsweredGoAheadWhichItNamesAndTheAuditShows() {
        String consultation = consulted(GO_AHEAD);
        String incident = record();

        Api.Response taken = take(incident, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("IN_HAND");
        assertThat(taken.json().get("consultationId").asString()).isEqualTo(consultation);
        JsonNode used =
                api.get("/api/v1/consultations/" + consultation, hanaToken).json();
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("INCIDENT");
        assertThat(used.get("usedFor").get("id").asString()).isEqualTo(id(incident));
        assertThat(agency.consultationsUsed(hana.id(), "INCIDENT")).isEqualTo(1);
    }

    @Test
    void hidesTheConsultationFromThoseInvolved() {
        String incident = record();
        assertThat(take(incident, hanaToken, Map.of("consultationId", consulted(GO_AHEAD)))
                        .status())
                .isEqualTo(200);

        JsonNode paulView = api.get(incident, agency.token(paul)).json();

        assertThat(paulView.get("status").asString()).isEqualTo("IN_HAND");
        assertThat(paulView.get("consultationId").isNull()).isTrue();
    }

    @Test
    void answersAnotherHandlerGoingAheadOnItAsIfItDidNotExist() {
        String consultation = consulted(GO_AHEAD);
        String incident = record();
        long refusalsBefore = agency.refusals(xena.id());

        Api.Response taken = take(incident, agency.token(xena), Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(404);
        assertThat(agency.refusals(xena.id())).isEqualTo(refusalsBefore + 1);
        assertUnchanged(incident, consultation);
    }

    @Test
    void refusesAConsultationUsedAlready() {
        String consultation = consulted(GO_AHEAD);
        assertThat(take(record(), hanaToken, Map.of("consultationId", consultation))
                        .status())
                .isEqualTo(200);
        String second = record();

        Api.Response again = take(second, hanaToken, Map.of("consultationId", consultation));

        assertThat(again.status()).isEqualTo(409);
        assertThat(status(second)).isEqualTo("OPEN");
    }

    @Test
    void refusesAConsultationAboutAnotherAction() {
        String consultation = handlers.consulted("SUPERVISE", paul, GO_AHEAD);
        String incident = record();

        Api.Response taken = take(incident, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("another action or other people");
        assertUnchanged(incident, consultation);
    }

    @Test
    void refusesToGoAheadOnAnAnswerToHandOverOrNotToGoAhead() {
        for (String outcome : List.of("HAND_OVER", "DO_NOT_GO_AHEAD")) {
            String consultation = consulted(outcome);
            String incident = record();

            Api.Response taken = take(incident, hanaToken, Map.of("consultationId", consultation));

            assertThat(taken.status()).as(outcome).isEqualTo(409);
            assertUnchanged(incident, consultation);
        }
    }

    @Test
    void stillRefusesABlockWithAConsultation() {
        String consultation = consulted(GO_AHEAD);
        String incident = record();
        agency.relate(privacy, "PARTNER", hana.id(), paul.id(), "STAFF");

        Api.Response taken = take(incident, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("Someone else should take this");
        assertUnchanged(incident, consultation);
    }

    @Test
    void refusesAParticipantInvolvedWhoBringsAConsultation() {
        String consultation = consulted(GO_AHEAD);
        String incident = record();

        Api.Response taken = take(incident, agency.token(paul), Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(403);
        assertUnchanged(incident, consultation);
    }

    @Test
    void clearsSeveralPeopleCallingForCareOnlyWithAnAcknowledgement() {
        agency.relate(privacy, "FRIEND", hana.id(), pia.id(), "STAFF");
        String consultation = consulted(GO_AHEAD);
        String incident = record();

        Api.Response refused = take(incident, hanaToken, Map.of());
        Api.Response onConsultation = take(incident, hanaToken, Map.of("consultationId", consultation));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().has("subjectId")).isFalse();
        assertThat(onConsultation.status()).isEqualTo(409);
        assertThat(onConsultation.body()).contains("a consultation clears only one");
        assertUnchanged(incident, consultation);
        assertThat(take(incident, hanaToken, Map.of("acknowledge", true)).status())
                .isEqualTo(200);
    }

    private void assertUnchanged(String incident, String consultation) {
        assertThat(status(incident)).isEqualTo("OPEN");
        assertThat(handlers.status(consultation)).isEqualTo("ANSWERED");
    }

    private String consulted(String outcome) {
        return handlers.consulted(paul, outcome);
    }

    /** Pia records an incident with Paul; its API path. */
    private String record() {
        Api.Response recorded = api.post(
                "/api/v1/incidents",
                agency.token(pia),
                Api.json(Map.of(
                        "whatHappened",
                        "Paul asked to meet me at a party this weekend, outside the agency.",
                        "involvedIds",
                        List.of(paul.id().toString()))));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return "/api/v1/incidents/" + recorded.json().get("id").asString();
    }

    private Api.Response take(String incident, String token, Map<String, Object> body) {
        return api.post(incident + "/take", token, Api.json(body));
    }

    private String status(String incident) {
        return api.get(incident, privacy).json().get("status").asString();
    }

    private static String id(String incident) {
        return incident.substring(incident.lastIndexOf('/') + 1);
    }
}
