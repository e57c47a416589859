package org.mutuality.support;

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
 * Group membership and leadership on a consultation (issue 15, part 2): Cora coordinates Peer
 * Support and runs a group led by Léa, a volunteer peer; Fred and Nina, participants, are Léa's
 * friends, so the check warns about Léa leading them ({@code LEAD_GROUP_WITH}); Omer, a peer worker,
 * is Fred's friend; Cleo, a supervisor without a conflict, advises.
 */
@IntegrationTest
class GroupConsultationIntegrationTests {

    static final String LEAD = "LEAD_GROUP_WITH";
    static final String GO_AHEAD = "GO_AHEAD_WITH_SAFEGUARDS";

    @Autowired
    TestAgency agency;

    Api api;
    String tag;
    Person cora;
    Person lea;
    Person fred;
    Person nina;
    Person omer;
    Person cleo;
    String privacy;
    String coraToken;
    String group;

    @BeforeEach
    void cast() {
        api = agency.api();
        tag = TestAgency.tag();
        cora = agency.person("Cora Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("cora-" + tag)
                .create();
        lea = agency.person("Léa Leader " + tag)
                .role(Role.VOLUNTEER_PEER)
                .account("lea-" + tag)
                .create();
        fred = agency.person("Fred Friend " + tag)
                .role(Role.PARTICIPANT)
                .account("fred-" + tag)
                .create();
        nina = agency.person("Nina Friend " + tag).role(Role.PARTICIPANT).create();
        omer = agency.person("Omer Other " + tag).role(Role.PEER_WORKER).create();
        cleo = agency.person("Cleo Consultant " + tag)
                .role(Role.SUPERVISOR)
                .account("cleo-" + tag)
                .create();
        privacy = agency.demoToken("privacy");
        agency.relate(privacy, "FRIEND", lea.id(), fred.id(), "STAFF");
        agency.relate(privacy, "FRIEND", lea.id(), nina.id(), "STAFF");
        agency.relate(privacy, "FRIEND", omer.id(), fred.id(), "STAFF");
        coraToken = agency.token(cora);
        Api.Response made = api.post(
                "/api/v1/groups",
                coraToken,
                Api.json(Map.of(
                        "programId",
                        agency.peerSupport().id().toString(),
                        "name",
                        "Walking group " + tag,
                        "leaderId",
                        lea.id().toString())));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        group = "/api/v1/groups/" + made.json().get("id").asString();
    }

    @Test
    void asksToConsultAboutTheLeaderAndTheMember() {
        Api.Response refused = add(coraToken, fred, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("decision").asString()).isEqualTo("WARN");
        assertThat(refused.json().get("action").asString()).isEqualTo(LEAD);
        assertThat(refused.json().get("actorId").asString()).isEqualTo(lea.id().toString());
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(fred.id().toString());
    }

    @Test
    void addsAMemberOnAConsultationWhichTheMembershipNamesAndTheAuditShows() {
        String consultation = consulted(lea, fred, GO_AHEAD);

        Api.Response added = add(coraToken, fred, Map.of("consultationId", consultation));

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("decision").asString()).isEqualTo("WARN");
        JsonNode member = roster().get("members").get(0);
        assertThat(member.get("personId").asString()).isEqualTo(fred.id().toString());
        assertThat(member.get("consultationId").asString()).isEqualTo(consultation);
        JsonNode used =
                api.get("/api/v1/consultations/" + consultation, coraToken).json();
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("GROUP_MEMBERSHIP");
        assertThat(agency.consultationsUsed(cora.id(), "GROUP_MEMBERSHIP")).isEqualTo(1);
    }

    @Test
    void answersAnotherCoordinatorGoingAheadOnItAsIfItDidNotExist() {
        String consultation = consulted(lea, fred, GO_AHEAD);
        long refusalsBefore = agency.refusals("supervisor");

        Api.Response added = add(agency.demoToken("supervisor"), fred, Map.of("consultationId", consultation));

        assertThat(added.status()).isEqualTo(404);
        assertThat(agency.refusals("supervisor")).isEqualTo(refusalsBefore + 1);
        assertUnchanged(consultation);
    }

    @Test
    void refusesAConsultationUsedAlready() {
        String consultation = consulted(lea, fred, GO_AHEAD);
        assertThat(add(coraToken, fred, Map.of("consultationId", consultation)).status())
                .isEqualTo(201);
        assertThat(api.post(group + "/members/" + fred.id() + "/leave", coraToken, "{}")
                        .status())
                .isEqualTo(204);

        Api.Response again = add(coraToken, fred, Map.of("consultationId", consultation));

        assertThat(again.status()).isEqualTo(409);
        assertThat(currentMembers()).isEmpty();
    }

    @Test
    void refusesAConsultationAboutAnotherMember() {
        String consultation = consulted(lea, fred, GO_AHEAD);

        Api.Response added = add(coraToken, nina, Map.of("consultationId", consultation));

        assertThat(added.status()).isEqualTo(409);
        assertThat(added.body()).contains("another action or other people");
        assertUnchanged(consultation);
    }

    @Test
    void refusesToGoAheadOnAnAnswerToHandOverOrNotToGoAhead() {
        for (String outcome : List.of("HAND_OVER", "DO_NOT_GO_AHEAD")) {
            String consultation = consulted(lea, fred, outcome);

            assertThat(add(coraToken, fred, Map.of("consultationId", consultation))
                            .status())
                    .as(outcome)
                    .isEqualTo(409);
            assertUnchanged(consultation);
        }
    }

    @Test
    void stillRefusesABlockWithAConsultation() {
        String consultation = consulted(lea, fred, GO_AHEAD);
        agency.relate(privacy, "NO_CONTACT", lea.id(), fred.id(), "STAFF");

        Api.Response added = add(coraToken, fred, Map.of("consultationId", consultation));

        assertThat(added.status()).isEqualTo(409);
        assertThat(added.body()).contains("no-contact");
        assertUnchanged(consultation);
    }

    @Test
    void refusesAParticipantBringingAConsultation() {
        String consultation = consulted(lea, fred, GO_AHEAD);

        Api.Response added = add(agency.token(fred), fred, Map.of("consultationId", consultation));

        assertThat(added.status()).isEqualTo(403);
        assertUnchanged(consultation);
    }

    @Test
    void givesTheGroupANewLeaderOnAConsultationAboutTheOneMemberTheCheckWarnsAbout() {
        assertThat(add(coraToken, fred, Map.of("acknowledge", true)).status()).isEqualTo(201);
        Api.Response refused = lead(omer, Map.of());
        String consultation = consulted(omer, fred, GO_AHEAD);

        Api.Response led = lead(omer, Map.of("consultationId", consultation));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("subjectId").asString())
                .isEqualTo(fred.id().toString());
        assertThat(led.status()).as(led.body()).isEqualTo(200);
        JsonNode roster = roster();
        assertThat(roster.get("group").get("leaderId").asString())
                .isEqualTo(omer.id().toString());
        assertThat(roster.get("leaderConsultationId").asString()).isEqualTo(consultation);
        JsonNode used =
                api.get("/api/v1/consultations/" + consultation, coraToken).json();
        assertThat(used.get("usedFor").get("kind").asString()).isEqualTo("GROUP_LEADER");
    }

    @Test
    void clearsANewLeaderSeveralMembersCallForCareWithOnlyAnAcknowledgement() {
        assertThat(add(coraToken, fred, Map.of("acknowledge", true)).status()).isEqualTo(201);
        assertThat(add(coraToken, nina, Map.of("acknowledge", true)).status()).isEqualTo(201);
        agency.relate(privacy, "FRIEND", omer.id(), nina.id(), "STAFF");
        String consultation = consulted(omer, fred, GO_AHEAD);

        Api.Response refused = lead(omer, Map.of("consultationId", consultation));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("a consultation clears only one");
        assertThat(agency.consultationStatus(coraToken, consultation)).isEqualTo("ANSWERED");
        assertThat(roster().get("group").get("leaderId").asString())
                .isEqualTo(lea.id().toString());
        assertThat(lead(omer, Map.of("acknowledge", true)).status()).isEqualTo(200);
    }

    private void assertUnchanged(String consultation) {
        assertThat(agency.consultationStatus(coraToken, consultation)).isEqualTo("ANSWERED");
        assertThat(currentMembers())
                .doesNotContain(fred.id().toString(), nina.id().toString());
    }

    private List<String> currentMembers() {
        return roster().get("members")
                .valueStream()
                .filter(m -> m.get("leftOn").isNull())
                .map(m -> m.get("personId").asString())
                .toList();
    }

    private String consulted(Person leader, Person member, String outcome) {
        return agency.consultation(coraToken, LEAD, leader.id(), member.id(), cleo, outcome);
    }

    private Api.Response add(String token, Person person, Map<String, Object> more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(more);
        body.put("personId", person.id().toString());
        return api.post(group + "/members", token, Api.json(body));
    }

    private Api.Response lead(Person leader, Map<String, Object> more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(more);
        body.put("leaderId", leader.id().toString());
        return api.put(group + "/leader", coraToken, Api.json(body));
    }

    private JsonNode roster() {
        return api.get(group, coraToken).json();
    }
}
