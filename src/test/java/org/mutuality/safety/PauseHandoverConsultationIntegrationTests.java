package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.AskedConsultation;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Handing a participant to another peer worker during a role pause, on a consultation in place of an
 * acknowledgement: Kim pauses Pat, who supports Louise; Marc, Louise's friend, would take her over
 * (the check asks to consult); Cleo advises. The privacy lead, who manages every pause, and Louise
 * herself may not use Kim's consultation.
 */
@IntegrationTest
class PauseHandoverConsultationIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AskedConsultation.Friends cast;
    String tag;
    Person louise;
    Person pat;
    Person marc;
    Person kim;
    Person cleo;
    String kimToken;
    String cleoToken;
    String pause;

    @BeforeEach
    void cast() {
        api = agency.api();
        cast = AskedConsultation.Friends.cast(agency);
        tag = cast.tag();
        louise = cast.louise();
        marc = cast.marc();
        kim = cast.kim();
        cleo = cast.cleo();
        kimToken = cast.kimToken();
        cleoToken = cast.cleoToken();
        pat = agency.person("Pat Paused " + tag).role(Role.PEER_WORKER).create();
        agency.relate(kimToken, "SUPPORTS", pat.id(), louise.id());
        Api.Response paused = api.post(
                "/api/v1/pauses",
                kimToken,
                Api.json(Map.of(
                        "personId", pat.id().toString(),
                        "scopes", List.of("CONTACT_WITH_PARTICIPANTS"),
                        "reason", "A concern about money is being looked at.")));
        assertThat(paused.status()).as(paused.body()).isEqualTo(201);
        pause = paused.json().get("id").asString();
    }

    @Test
    void refusesWithoutAnAcknowledgementNamingWhatToConsultAbout() {
        Api.Response refused = reassign(kimToken, louise, marc, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("action").asString()).isEqualTo("ASSIGN_SUPPORT");
        assertThat(refused.json().get("actorId").asString()).isEqualTo(marc.id().toString());
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(louise.id().toString());
        assertThat(supports(pat, louise, true)).isEqualTo(1);
    }

    @Test
    void handsTheParticipantOverOnAConsultationAndNamesIt() {
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response handedOver = reassign(kimToken, louise, marc, id);

        assertThat(handedOver.status()).as(handedOver.body()).isEqualTo(204);
        assertThat(supports(pat, louise, true)).isZero();
        assertThat(supports(marc, louise, true)).isEqualTo(1);
        JsonNode used = AskedConsultation.read(api, kimToken, id);
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("ROLE_PAUSE");
        assertThat(used.get("usedFor").get("id").asString()).isEqualTo(pause);
        assertThat(jdbc.sql("select consultation_id from relationship where kind = 'SUPPORTS'"
                                + " and person_a_id = :a and person_b_id = :b")
                        .param("a", marc.id().value())
                        .param("b", louise.id().value())
                        .query(UUID.class)
                        .single())
                .hasToString(id);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_id = :kim and outcome = 'DONE'"
                                + " and detail = :detail")
                        .param("kim", kim.id().value())
                        .param("detail", "participant reassigned on consultation " + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void offersToConsultFromThePauseAndComesBackToGoAheadOnIt() {
        BrowserSession page = agency.browser("kim-" + tag);
        page.get("/pauses/" + pause);

        page.post(
                "/pauses/" + pause + "/reassign",
                Map.of(
                        "participantId",
                        louise.id().toString(),
                        "peerId",
                        marc.id().toString()));
        String refused = page.get("/pauses/" + pause).body();

        assertThat(refused)
                .contains("Ask a colleague first")
                .contains("action=ASSIGN_SUPPORT&amp;actorId=" + marc.id() + "&amp;subjectId=" + louise.id()
                        + "&amp;back=/pauses/" + pause);
        String id = answered(AskedConsultation.GO_AHEAD);
        String back = page.get("/pauses/" + pause + "?consultation=" + id).body();
        assertThat(back).contains("name=\"consultationId\" value=\"" + id + "\"");
        page.post(
                "/pauses/" + pause + "/reassign",
                Map.of(
                        "participantId",
                        louise.id().toString(),
                        "peerId",
                        marc.id().toString(),
                        "consultationId",
                        id));
        assertThat(supports(marc, louise, true)).isEqualTo(1);
        assertThat(page.get("/pauses/" + pause).body()).contains("Went ahead on a consultation");
    }

    @Test
    void answersThePrivacyLeadUsingKimsConsultationAsIfItDidNotExist() {
        String id = answered(AskedConsultation.GO_AHEAD);
        long refusalsBefore = agency.refusals("privacy");

        Api.Response other = reassign(agency.demoToken("privacy"), louise, marc, id);

        assertThat(other.status()).isEqualTo(404);
        assertThat(agency.refusals("privacy")).isEqualTo(refusalsBefore + 1);
        assertThat(supports(pat, louise, true)).isEqualTo(1);
        assertThat(supports(marc, louise, true)).isZero();
        assertThat(status(id)).isEqualTo("ANSWERED");
    }

    @Test
    void refusesAConsultationUsedAlready() {
        String id = answered(AskedConsultation.GO_AHEAD);
        Api.Response inTheRegister = api.post(
                "/api/v1/relationships",
                kimToken,
                Api.json(Map.of(
                        "kind",
                        "SUPPORTS",
                        "personAId",
                        marc.id().toString(),
                        "personBId",
                        louise.id().toString(),
                        "consultationId",
                        id)));
        assertThat(inTheRegister.status()).as(inTheRegister.body()).isEqualTo(201);

        Api.Response again = reassign(kimToken, louise, marc, id);

        assertThat(again.status()).isEqualTo(409);
        assertThat(supports(pat, louise, true)).isEqualTo(1);
    }

    @Test
    void refusesAConsultationAboutAnotherSubject() {
        Person otto = agency.person("Otto Other " + tag).role(Role.PARTICIPANT).create();
        agency.relate(kimToken, "SUPPORTS", pat.id(), otto.id());
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response elsewhere = reassign(kimToken, otto, marc, id);

        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("another action or other people");
        assertThat(supports(pat, otto, true)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("ANSWERED");
    }

    @Test
    void refusesToGoAheadOnAHandOverOrADoNotGoAheadAnswer() {
        for (String answer : new String[] {AskedConsultation.HAND_OVER, AskedConsultation.DO_NOT_GO_AHEAD}) {
            String id = answered(answer);

            Api.Response refused = reassign(kimToken, louise, marc, id);

            assertThat(refused.status()).as(answer).isEqualTo(409);
            assertThat(supports(pat, louise, true)).isEqualTo(1);
        }
    }

    @Test
    void stillRefusesAPeerWorkerTheCheckBlocksWhateverIsBrought() {
        String id = answered(AskedConsultation.GO_AHEAD);
        Person bea = agency.person("Bea Family " + tag).role(Role.PEER_WORKER).create();
        agency.relate(agency.demoToken("privacy"), "FAMILY", bea.id(), louise.id(), "STAFF");

        Api.Response blocked = reassign(kimToken, louise, bea, id);

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(supports(bea, louise, true)).isZero();
        assertThat(supports(pat, louise, true)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("ANSWERED");
    }

    @Test
    void refusesTheParticipantBringingTheConsultation() {
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response participant = reassign(agency.token("louise-" + tag), louise, marc, id);

        assertThat(participant.status()).isEqualTo(403);
        assertThat(supports(pat, louise, true)).isEqualTo(1);
        assertThat(status(id)).isEqualTo("ANSWERED");
    }

    private String answered(String answer) {
        return cast.answered(api, answer);
    }

    private String status(String id) {
        return AskedConsultation.read(api, kimToken, id).get("status").asString();
    }

    private Api.Response reassign(String token, Person participant, Person peer, String consultation) {
        Map<String, String> body = new java.util.HashMap<>(Map.of(
                "participantId",
                participant.id().toString(),
                "peerId",
                peer.id().toString()));
        if (consultation != null) {
            body.put("consultationId", consultation);
        }
        return api.post("/api/v1/pauses/" + pause + "/reassign", token, Api.json(body));
    }

    private long supports(Person peer, Person participant, boolean current) {
        return jdbc.sql("select count(*) from relationship where kind = 'SUPPORTS' and person_a_id = :a"
                        + " and person_b_id = :b and end_date is " + (current ? "null" : "not null"))
                .param("a", peer.id().value())
                .param("b", participant.id().value())
                .query(Long.class)
                .single();
    }
}
