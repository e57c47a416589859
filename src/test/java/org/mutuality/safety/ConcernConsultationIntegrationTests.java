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
 * Taking a concern in hand on a consultation (issue 15, part 2): Paul, a participant, raises a
 * concern about Sam, a peer worker; Hana, a supervisor who handles concerns, is Sam's friend, so the
 * check asks her to consult ({@code INVESTIGATE_INCIDENT}); Cleo, a supervisor without a conflict,
 * advises. Xena, another supervisor, is Sam's friend too.
 */
@IntegrationTest
class ConcernConsultationIntegrationTests {

    static final String TAKE_IN_HAND = ConsultingHandlers.TAKE_IN_HAND;
    static final String GO_AHEAD = ConsultingHandlers.GO_AHEAD;

    @Autowired
    TestAgency agency;

    Api api;
    String tag;
    Person paul;
    Person sam;
    Person hana;
    Person xena;
    String privacy;
    ConsultingHandlers handlers;
    String hanaToken;

    @BeforeEach
    void cast() {
        api = agency.api();
        tag = TestAgency.tag();
        paul = agency.person("Paul Participant " + tag)
                .role(Role.PARTICIPANT)
                .account("paul-" + tag)
                .create();
        sam = agency.person("Sam Peer " + tag).role(Role.PEER_WORKER).create();
        privacy = agency.demoToken("privacy");
        handlers = ConsultingHandlers.friendsOf(agency, tag, sam);
        hana = handlers.hana();
        xena = handlers.xena();
        hanaToken = handlers.hanaToken();
    }

    @Test
    void asksTheHandlerToConsultAboutTheColleagueSheKnows() {
        Api.Response refused = take(raise(), hanaToken, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("CONSULT");
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(sam.id().toString());
    }

    @Test
    void isTakenOnAConsultationAnsweredGoAheadWhichItNamesAndTheAuditShows() {
        String consultation = consulted(GO_AHEAD);
        String concern = raise();

        Api.Response taken = take(concern, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(taken.json().get("consultationId").asString()).isEqualTo(consultation);
        JsonNode used =
                api.get("/api/v1/consultations/" + consultation, hanaToken).json();
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("CONCERN");
        assertThat(used.get("usedFor").get("id").asString()).isEqualTo(concern);
        assertThat(agency.consultationsUsed(hana.id(), "CONCERN")).isEqualTo(1);
    }

    @Test
    void hidesTheConsultationFromThePersonWhoRaisedIt() {
        String concern = raise();
        assertThat(take(concern, hanaToken, Map.of("consultationId", consulted(GO_AHEAD)))
                        .status())
                .isEqualTo(200);

        JsonNode paulView = api.get(path(concern), agency.token(paul)).json();

        assertThat(paulView.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(paulView.get("consultationId").isNull()).isTrue();
    }

    @Test
    void answersAnotherHandlerGoingAheadOnItAsIfItDidNotExist() {
        String consultation = consulted(GO_AHEAD);
        String concern = raise();
        long refusalsBefore = agency.refusals(xena.id());

        Api.Response taken = take(concern, agency.token(xena), Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(404);
        assertThat(agency.refusals(xena.id())).isEqualTo(refusalsBefore + 1);
        assertUnchanged(concern, consultation);
    }

    @Test
    void refusesAConsultationUsedAlready() {
        String consultation = consulted(GO_AHEAD);
        assertThat(take(raise(), hanaToken, Map.of("consultationId", consultation))
                        .status())
                .isEqualTo(200);
        String second = raise();

        assertThat(take(second, hanaToken, Map.of("consultationId", consultation))
                        .status())
                .isEqualTo(409);
        assertThat(status(second)).isEqualTo("RAISED");
    }

    @Test
    void refusesAConsultationAboutAnotherAction() {
        String consultation = handlers.consulted("SUPERVISE", sam, GO_AHEAD);
        String concern = raise();

        Api.Response taken = take(concern, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("another action or other people");
        assertUnchanged(concern, consultation);
    }

    @Test
    void refusesToGoAheadOnAnAnswerToHandOverOrNotToGoAhead() {
        for (String outcome : List.of("HAND_OVER", "DO_NOT_GO_AHEAD")) {
            String consultation = consulted(outcome);
            String concern = raise();

            assertThat(take(concern, hanaToken, Map.of("consultationId", consultation))
                            .status())
                    .as(outcome)
                    .isEqualTo(409);
            assertUnchanged(concern, consultation);
        }
    }

    @Test
    void stillRefusesABlockWithAConsultation() {
        String consultation = consulted(GO_AHEAD);
        String concern = raise();
        agency.relate(privacy, "FAMILY", hana.id(), sam.id(), "STAFF");

        Api.Response taken = take(concern, hanaToken, Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("Someone else should take this");
        assertUnchanged(concern, consultation);
    }

    @Test
    void refusesTheParticipantWhoRaisedItBringingAConsultation() {
        String consultation = consulted(GO_AHEAD);
        String concern = raise();

        Api.Response taken = take(concern, agency.token(paul), Map.of("consultationId", consultation));

        assertThat(taken.status()).isEqualTo(403);
        assertUnchanged(concern, consultation);
    }

    private void assertUnchanged(String concern, String consultation) {
        assertThat(status(concern)).isEqualTo("RAISED");
        assertThat(handlers.status(consultation)).isEqualTo("ANSWERED");
    }

    private String consulted(String outcome) {
        return handlers.consulted(sam, outcome);
    }

    /** Paul raises a named concern about Sam; its id. */
    private String raise() {
        return agency.raiseConcern(
                agency.token(paul), sam.id(), "Sam keeps messaging me from a personal phone at night.", false);
    }

    private Api.Response take(String concern, String token, Map<String, Object> body) {
        return api.post(path(concern) + "/take", token, Api.json(body));
    }

    private String status(String concern) {
        return api.get(path(concern), privacy).json().get("status").asString();
    }

    private static String path(String concern) {
        return "/api/v1/concerns/" + concern;
    }
}
