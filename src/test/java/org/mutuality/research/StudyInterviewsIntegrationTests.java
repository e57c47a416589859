package org.mutuality.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import tools.jackson.databind.JsonNode;

/**
 * S9, item 4: a co-researcher who knows a participant is not their interviewer without a
 * consultation; the refusal names the co-researchers without a conflict first; family is blocked;
 * going ahead on a consultation keeps how the conflict is managed and that the participant was told.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyInterviewsIntegrationTests {

    @Autowired
    TestAgency agency;

    Api api;
    String tag;
    Person pi;
    Person friend;
    Person cole;
    Person sister;
    Person participant;
    Person consultant;
    String piToken;
    String friendToken;
    String study;

    @BeforeAll
    void aStudyWhoseTeamKnowsAParticipant() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        pi = researcher("Ria Principal");
        friend = researcher("Nia Friend");
        cole = researcher("Cole Free");
        sister = researcher("Sia Sister");
        participant = agency.person("Pax Participant " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("pax-" + tag)
                .create();
        consultant = agency.person("Sue Supervisor " + tag)
                .roleAcrossAgency(Role.SUPERVISOR)
                .account("sue-" + tag)
                .create();
        String privacy = agency.demoToken("privacy");
        agency.relate(privacy, "FRIEND", friend.id(), participant.id(), "STAFF");
        agency.relate(privacy, "FAMILY", sister.id(), participant.id(), "STAFF");
        piToken = agency.token(pi);
        friendToken = agency.token(friend);
        Api.Response made = api.post(
                "/api/v1/studies",
                piToken,
                "{\"title\":\"Interviews " + tag + "\",\"purpose\":\"What helps in peer support, in plain words.\","
                        + "\"principalInvestigatorId\":\"" + pi.id() + "\",\"coResearcherIds\":[\"" + friend.id()
                        + "\",\"" + cole.id() + "\",\"" + sister.id() + "\"],"
                        + "\"ethicsBoard\":\"CREB\",\"approvalNumber\":\"A-2\",\"approvedOn\":\""
                        + agency.today().minusDays(1) + "\",\"endsOn\":\""
                        + agency.today().plusYears(1)
                        + "\",\"dataUses\":\"One interview\","
                        + "\"recruitmentText\":\"We look for participants to tell us what helps.\","
                        + "\"consentForm\":\"You are invited to one interview of about an hour.\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        study = made.json().get("id").asString();
        assertThat(api.post("/api/v1/studies/" + study + "/open", piToken, "").status())
                .isEqualTo(200);
        Api.Response consent = api.post(
                "/api/v1/studies/" + study + "/consents",
                agency.token("pax-" + tag),
                "{\"takePart\":true,\"recording\":false,\"records\":false,\"recontact\":true,\"signedName\":\"Pax\"}");
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
    }

    private Person researcher(String name) {
        return agency.person(name + " " + tag)
                .roleAcrossAgency(Role.RESEARCHER)
                .account(name.substring(0, 3).toLowerCase(java.util.Locale.ROOT) + "-" + tag)
                .create();
    }

    private Api.Response assign(String token, Person interviewer, String extra) {
        return api.post(
                "/api/v1/studies/" + study + "/interviews",
                token,
                "{\"participantId\":\"" + participant.id() + "\",\"interviewerId\":\"" + interviewer.id() + "\"" + extra
                        + "}");
    }

    private static List<String> alternatives(JsonNode refusal) {
        List<String> ids = new ArrayList<>();
        refusal.get("alternatives").forEach(a -> ids.add(a.get("personId").asString()));
        return ids;
    }

    @Test
    void asksForConsultationWhenTheInterviewerKnowsTheParticipantAndOffersCoResearchersFirst() {
        Api.Response refused = assign(piToken, friend, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode body = refused.json();
        assertThat(body.get("decision").asString()).isEqualTo("CONSULT");
        assertThat(body.get("reasons")).isNotEmpty();
        List<String> offered = alternatives(body);
        assertThat(offered.subList(0, 2))
                .containsExactly(pi.id().toString(), cole.id().toString());
        assertThat(offered).doesNotContain(sister.id().toString(), friend.id().toString());
    }

    @Test
    void blocksFamilyAndNamesWhoMayInterviewInstead() {
        Api.Response refused = assign(piToken, sister, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("BLOCK");
        assertThat(alternatives(refused.json())).contains(cole.id().toString());
        // A consultation does not lift a block.
        assertThat(assign(
                                piToken,
                                sister,
                                ",\"consultationId\":\"" + UUID.randomUUID()
                                        + "\",\"management\":\"We would be careful.\",\"participantTold\":true")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void assignsACoResearcherWithoutAConflict() {
        Api.Response assigned = assign(piToken, cole, "");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().get("decision").asString()).isEqualTo("ALLOW");
    }

    @Test
    void goesAheadOnAConsultationKeepingHowTheConflictIsManagedAndThatTheParticipantWasTold() {
        String consultation = agency.consultation(
                friendToken, "INTERVIEW", friend.id(), participant.id(), consultant, "GO_AHEAD_WITH_SAFEGUARDS");

        Api.Response untold = assign(
                friendToken,
                friend,
                ",\"consultationId\":\"" + consultation
                        + "\",\"management\":\"A co-researcher reads the transcript.\"");
        assertThat(untold.status()).as(untold.body()).isEqualTo(400);

        Api.Response assigned = assign(
                friendToken,
                friend,
                ",\"consultationId\":\"" + consultation
                        + "\",\"management\":\"A co-researcher reads the transcript.\",\"participantTold\":true");

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.json().get("decision").asString()).isEqualTo("CONSULT");
        assertThat(assigned.json().get("consultationId").asString()).isEqualTo(consultation);
        assertThat(assigned.json().get("participantTold").asBoolean()).isTrue();
        assertThat(agency.consultationStatus(friendToken, consultation)).isEqualTo("USED");
    }

    @Test
    void refusesSomeoneOutsideTheTeamAndAParticipantWhoDoesNotTakePart() {
        assertThat(assign(agency.token("pax-" + tag), cole, "").status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/studies/" + study + "/interviews",
                                piToken,
                                "{\"participantId\":\"" + consultant.id() + "\",\"interviewerId\":\"" + cole.id()
                                        + "\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/studies/" + study + "/interviews", piToken, "{\"participantId\":\"nope\"}")
                        .status())
                .isEqualTo(400);
    }
}
