package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.AskedConsultation;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Recording an assignment in the register on a consultation, in place of an acknowledgement: Kim, a
 * supervisor of Peer Support, assigns Marc to support Louise, his friend (the check asks to consult);
 * Cleo advises; Nora, another supervisor, and Louise herself may not use Kim's consultation.
 */
@IntegrationTest
class AssignmentConsultationIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    AskedConsultation.Friends cast;
    String tag;
    Person louise;
    Person marc;
    Person kim;
    Person cleo;
    String kimToken;
    String cleoToken;

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
    }

    @Test
    void refusesWithoutAnAcknowledgementNamingWhatToConsultAbout() {
        Api.Response refused = support(kimToken, marc, louise, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("CONSULT");
        assertThat(refused.json().get("action").asString()).isEqualTo("ASSIGN_SUPPORT");
        assertThat(refused.json().get("actorId").asString()).isEqualTo(marc.id().toString());
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(louise.id().toString());
        assertThat(supports(marc, louise)).isZero();
    }

    @Test
    void recordsTheAssignmentOnAConsultationAndNamesIt() {
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response recorded = support(kimToken, marc, louise, id);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String relationship = recorded.json().get("id").asString();
        assertThat(recorded.json().get("consultationId").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/relationships/" + relationship, kimToken)
                        .json()
                        .get("consultationId")
                        .asString())
                .isEqualTo(id);
        JsonNode used = AskedConsultation.read(api, kimToken, id);
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("RELATIONSHIP");
        assertThat(used.get("usedFor").get("id").asString()).isEqualTo(relationship);
        assertThat(jdbc.sql("select count(*) from audit_entry where actor_id = :kim and outcome = 'DONE'"
                                + " and detail = :detail")
                        .param("kim", kim.id().value())
                        .param("detail", "recorded SUPPORTS on consultation " + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void showsOnTheRegisterThatItWentAheadOnAConsultation() {
        String id = answered(AskedConsultation.GO_AHEAD);
        support(kimToken, marc, louise, id);

        String page = agency.browser("kim-" + tag)
                .get("/people/" + louise.id() + "/relationships")
                .body();

        assertThat(page).contains("Went ahead on a consultation.").contains("/consultations/" + id);
    }

    @Test
    void answersAnotherRecordersUseOfTheConsultationAsIfItDidNotExist() {
        String id = answered(AskedConsultation.GO_AHEAD);
        agency.person("Nora Other " + tag)
                .role(Role.SUPERVISOR)
                .account("nora-" + tag)
                .create();
        long refusalsBefore = agency.refusals("nora-" + tag);

        Api.Response other = support(agency.token("nora-" + tag), marc, louise, id);

        assertThat(other.status()).isEqualTo(404);
        assertThat(agency.refusals("nora-" + tag)).isEqualTo(refusalsBefore + 1);
        assertThat(supports(marc, louise)).isZero();
        assertThat(AskedConsultation.read(api, kimToken, id).get("status").asString())
                .isEqualTo("ANSWERED");
    }

    @Test
    void refusesAConsultationUsedAlready() {
        String id = answered(AskedConsultation.GO_AHEAD);
        support(kimToken, marc, louise, id);

        Api.Response again = support(kimToken, marc, louise, id);

        assertThat(again.status()).isEqualTo(409);
        assertThat(supports(marc, louise)).isEqualTo(1);
    }

    @Test
    void refusesAConsultationAboutAnotherSubject() {
        String id = answered(AskedConsultation.GO_AHEAD);
        Person other =
                agency.person("Other Participant " + tag).role(Role.PARTICIPANT).create();

        Api.Response elsewhere = support(kimToken, marc, other, id);

        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("another action or other people");
        assertThat(supports(marc, other)).isZero();
        assertThat(AskedConsultation.read(api, kimToken, id).get("status").asString())
                .isEqualTo("ANSWERED");
    }

    @Test
    void refusesAConsultationAboutAnotherActionOverTheSamePeople() {
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response oversight = record(kimToken, "SUPERVISES", marc, louise, id);

        assertThat(oversight.status()).isEqualTo(409);
        assertThat(oversight.body()).contains("another action or other people");
        assertThat(count("SUPERVISES", marc, louise)).isZero();
    }

    @Test
    void refusesToGoAheadOnAHandOverOrADoNotGoAheadAnswer() {
        for (String answer : new String[] {AskedConsultation.HAND_OVER, AskedConsultation.DO_NOT_GO_AHEAD}) {
            String id = answered(answer);

            Api.Response refused = support(kimToken, marc, louise, id);

            assertThat(refused.status()).as(answer).isEqualTo(409);
            assertThat(supports(marc, louise)).isZero();
        }
    }

    @Test
    void stillRefusesWhatTheCheckBlocksWhateverIsBrought() {
        String id = answered(AskedConsultation.GO_AHEAD);
        Person bea = agency.person("Bea Family " + tag).role(Role.PEER_WORKER).create();
        agency.relate(agency.demoToken("privacy"), "FAMILY", bea.id(), louise.id(), "STAFF");

        Api.Response blocked = support(kimToken, bea, louise, id);

        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(supports(bea, louise)).isZero();
        assertThat(AskedConsultation.read(api, kimToken, id).get("status").asString())
                .isEqualTo("ANSWERED");
    }

    @Test
    void refusesTheParticipantBringingTheConsultation() {
        String id = answered(AskedConsultation.GO_AHEAD);

        Api.Response participant = support(agency.token("louise-" + tag), marc, louise, id);

        assertThat(participant.status()).isEqualTo(403);
        assertThat(supports(marc, louise)).isZero();
        assertThat(AskedConsultation.read(api, kimToken, id).get("status").asString())
                .isEqualTo("ANSWERED");
    }

    @Test
    void refusesABadConsultationIdAndChangesNothing() {
        Api.Response bad = api.post(
                "/api/v1/relationships",
                kimToken,
                "{\"kind\":\"SUPPORTS\",\"personAId\":\"" + marc.id() + "\",\"personBId\":\"" + louise.id()
                        + "\",\"consultationId\":\"not-a-uuid\"}");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(supports(marc, louise)).isZero();
    }

    private String answered(String answer) {
        return cast.answered(api, answer);
    }

    private Api.Response support(String token, Person peer, Person participant, String consultation) {
        return record(token, "SUPPORTS", peer, participant, consultation);
    }

    private Api.Response record(String token, String kind, Person a, Person b, String consultation) {
        Map<String, String> body = new java.util.HashMap<>(
                Map.of("kind", kind, "personAId", a.id().toString(), "personBId", b.id().toString()));
        if (consultation != null) {
            body.put("consultationId", consultation);
        }
        return api.post("/api/v1/relationships", token, Api.json(body));
    }

    private long supports(Person peer, Person participant) {
        return count("SUPPORTS", peer, participant);
    }

    private long count(String kind, Person a, Person b) {
        return jdbc.sql(
                        "select count(*) from relationship where kind = :kind and person_a_id = :a and person_b_id = :b")
                .param("kind", kind)
                .param("a", a.id().value())
                .param("b", b.id().value())
                .query(Long.class)
                .single();
    }
}
