package org.mutuality.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * S9 end to end through the API: a study recruits within its approval only; a participant consents
 * item by item and withdraws recording alone, at once, with the history kept; nobody with power over
 * the participant points them to a study; consents are read by the person and the team only.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudiesIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person researcher;
    Person peer;
    Person participant;
    Person other;
    String res;
    String peerToken;
    String par;
    String oth;

    @BeforeAll
    void aResearcherAPeerWorkerAndTwoParticipants() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        researcher = agency.person("Rhea Researcher " + tag)
                .roleAcrossAgency(Role.RESEARCHER)
                .account("rhea-" + tag)
                .create();
        peer = agency.person("Pat Peer " + tag)
                .roleAcrossAgency(Role.PEER_WORKER)
                .account("pat-" + tag)
                .create();
        participant = agency.person("Paz Participant " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("paz-" + tag)
                .create();
        other = agency.person("Oli Other " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("oli-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPPORTS", peer.id(), participant.id());
        res = agency.token("rhea-" + tag);
        peerToken = agency.token("pat-" + tag);
        par = agency.token("paz-" + tag);
        oth = agency.token("oli-" + tag);
    }

    String study(LocalDate approvedOn) {
        Api.Response made = api.post("/api/v1/studies", res, body(approvedOn, approvedOn.plusYears(1)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    String body(LocalDate approvedOn, LocalDate endsOn) {
        return "{\"title\":\"Voices " + tag + "\",\"purpose\":\"What helps in peer support, in plain words.\","
                + "\"principalInvestigatorId\":\"" + researcher.id() + "\",\"coResearcherIds\":[],"
                + "\"ethicsBoard\":\"CREB\",\"approvalNumber\":\"A-1\",\"approvedOn\":\"" + approvedOn
                + "\",\"endsOn\":\"" + endsOn + "\",\"dataUses\":\"One interview\","
                + "\"recruitmentText\":\"We look for participants to tell us what helps.\","
                + "\"consentForm\":\"You are invited to one interview of about an hour.\"}";
    }

    String openStudy() {
        String id = study(agency.today().minusDays(1));
        assertThat(api.post("/api/v1/studies/" + id + "/open", res, "").status())
                .isEqualTo(200);
        return id;
    }

    String consent(String study, String token, boolean recording) {
        Api.Response c = api.post(
                "/api/v1/studies/" + study + "/consents",
                token,
                "{\"takePart\":true,\"recording\":" + recording
                        + ",\"records\":true,\"recontact\":false,\"signedName\":\"Paz Participant\"}");
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().get("id").asString();
    }

    @Test
    void refusesToRecruitBeforeTheApprovalDate() {
        String id = study(agency.today().plusDays(3));

        Api.Response opened = api.post("/api/v1/studies/" + id + "/open", res, "");

        assertThat(opened.status()).as(opened.body()).isEqualTo(409);
        assertThat(api.get("/api/v1/studies/" + id, res).json().get("status").asString())
                .isEqualTo("PLANNED");
    }

    @Test
    void refusesAParticipantProposingAStudyAndBadBodies() {
        String body = body(agency.today(), agency.today().plusYears(1));
        assertThat(api.post("/api/v1/studies", par, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/studies", res, body.replace("\"A-1\"", "12"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/studies",
                                res,
                                body(agency.today(), agency.today().minusDays(1)))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/studies", res, "not json").status()).isEqualTo(400);
    }

    @Test
    void showsAnOpenStudyOnTheParticipantsOwnPageAndTakesTheirAnswer() {
        String id = openStudy();

        JsonNode mine = api.get("/api/v1/me/studies?limit=200", par).json();
        assertThat(mine.toString()).contains(id);

        Api.Response interest = api.post("/api/v1/studies/" + id + "/interest", par, "{\"interested\":true}");
        assertThat(interest.status()).as(interest.body()).isEqualTo(200);
        assertThat(interest.json().get("interested").asBoolean()).isTrue();
    }

    @Test
    void withdrawsRecordingAloneAtOnceAndKeepsTheHistory() {
        String id = openStudy();
        String consent = consent(id, par, true);

        Api.Response withdrawn = api.post(
                "/api/v1/studies/" + id + "/consents/" + consent + "/withdraw", par, "{\"items\":[\"recording\"]}");

        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        JsonNode items = withdrawn.json().get("items");
        assertThat(items.get("recording").asBoolean()).isFalse();
        assertThat(items.get("takePart").asBoolean()).isTrue();
        assertThat(items.get("records").asBoolean()).isTrue();
        assertThat(withdrawn.json().get("history")).hasSize(5);
        // The team sees it at once.
        JsonNode team =
                api.get("/api/v1/studies/" + id + "/consents/" + consent, res).json();
        assertThat(team.get("items").get("recording").asBoolean()).isFalse();
        // Withdrawing it again withdraws nothing.
        assertThat(api.post(
                                "/api/v1/studies/" + id + "/consents/" + consent + "/withdraw",
                                par,
                                "{\"items\":[\"recording\"]}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/studies/" + id + "/consents/" + consent + "/withdraw",
                                par,
                                "{\"items\":[\"singing\"]}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void refusesAConsentWithAnItemUnanswered() {
        String id = openStudy();

        Api.Response c = api.post(
                "/api/v1/studies/" + id + "/consents",
                oth,
                "{\"takePart\":true,\"records\":true,\"recontact\":false,\"signedName\":\"Oli\"}");

        assertThat(c.status()).as(c.body()).isEqualTo(400);
    }

    @Test
    void hidesAConsentFromAnotherParticipantAndAColleague() {
        String id = openStudy();
        String consent = consent(id, par, false);

        assertThat(api.get("/api/v1/studies/" + id + "/consents/" + consent, oth)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + id + "/consents/" + consent, peerToken)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + id + "/consents", peerToken).status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/studies/" + id + "/consents/" + consent + "/withdraw",
                                oth,
                                "{\"items\":[\"takePart\"]}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + id + "/consents/" + UUID.randomUUID(), res)
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies/" + UUID.randomUUID(), res).status())
                .isEqualTo(404);
    }

    @Test
    void refusesThePeerWorkerWhoSupportsTheParticipantAndNamesWhoMay() {
        String id = openStudy();

        Api.Response refused = api.post(
                "/api/v1/studies/" + id + "/invitations",
                peerToken,
                "{\"participantId\":\"" + participant.id() + "\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(refused.json().get("reasons")).isNotEmpty();
        assertThat(refused.json().has("alternatives")).isTrue();
        assertThat(api.post(
                                "/api/v1/studies/" + id + "/invitations",
                                res,
                                "{\"participantId\":\"" + participant.id() + "\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/studies/" + id + "/invitations", par, "{\"participantId\":\"" + other.id() + "\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void decliningAndWithdrawingChangeNothingInSupport() {
        String id = openStudy();
        String before = supportOf(participant);

        api.post("/api/v1/studies/" + id + "/interest", par, "{\"interested\":false}");
        String consent = consent(id, par, true);
        api.post("/api/v1/studies/" + id + "/consents/" + consent + "/withdraw", par, "{\"items\":[\"takePart\"]}");

        assertThat(supportOf(participant)).isEqualTo(before);
        JsonNode c =
                api.get("/api/v1/studies/" + id + "/consents/" + consent, par).json();
        assertThat(c.get("active").asBoolean()).isFalse();
        assertThat(c.get("items").get("recording").asBoolean()).isFalse();
    }

    @Test
    void keepsStudiesOfOneAgencyFromAnother() {
        String id = openStudy();
        TestAgency elsewhere = agency.inAgency("Elsewhere " + tag);
        elsewhere
                .person("Eve Elsewhere " + tag)
                .roleAcrossAgency(Role.RESEARCHER)
                .account("eve-" + tag)
                .create();
        String eve = elsewhere.token("eve-" + tag);

        assertThat(api.get("/api/v1/studies/" + id, eve).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/studies/" + id + "/interest", eve, "{}").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/studies?limit=200", eve).body()).doesNotContain(id);
    }

    /** The participant's referrals, relationships (assignments) and contact threads, as text. */
    private String supportOf(Person person) {
        StringBuilder all = new StringBuilder();
        for (String query : new String[] {
            "select * from referral where person_id = :p",
            "select * from relationship where person_a_id = :p or person_b_id = :p",
            "select * from contact_message where participant_id = :p",
            "select * from contact_request where person_id = :p"
        }) {
            try {
                all.append(
                        jdbc.sql(query).param("p", person.id().value()).query().listOfRows());
            } catch (RuntimeException e) {
                throw new AssertionError(query, e);
            }
        }
        return all.toString();
    }

    @Test
    void recordsAPaperConsentOnlyForSomeoneWhoCameToTheStudyFreely() {
        String id = openStudy();
        String paper = "{\"participantId\":\"" + other.id() + "\",\"takePart\":true,\"recording\":false,"
                + "\"records\":true,\"recontact\":false,\"paperDate\":\"" + agency.today() + "\"";

        Api.Response neverAsked =
                api.post("/api/v1/studies/" + id + "/consents", res, paper + ",\"signedName\":\"Oli\"}");
        assertThat(neverAsked.status()).as(neverAsked.body()).isEqualTo(409);
        assertThat(api.post("/api/v1/studies/" + id + "/interest", oth, "{\"interested\":true}")
                        .status())
                .isEqualTo(200);
        Api.Response unsigned = api.post("/api/v1/studies/" + id + "/consents", res, paper + "}");
        assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from study_consent where study_id = :study")
                        .param("study", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();

        Api.Response signed = api.post("/api/v1/studies/" + id + "/consents", res, paper + ",\"signedName\":\"Oli\"}");

        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(signed.json().get("method").asString()).isEqualTo("PAPER");
    }
}
