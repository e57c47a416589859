package org.mutuality.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A participant's recovery and crisis plans through the API: the participant writes them and every
 * change is kept; their assigned peer worker reads the recovery plan and suggests a step, which the
 * participant accepts or declines once; the crisis plan is read by the people the participant names
 * and by nobody else (their peer worker without the share, another participant, an administrator,
 * the privacy lead, another agency), each meeting the same 404 as for a missing person, the refusal
 * audited; bad bodies change nothing.
 */
@IntegrationTest
class VoiceIntegrationTests {

    static final String GOAL = "Have a place of my own where I feel safe.";
    static final String HELPS = "Someone sitting with me, and tea.";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    Api api;
    Person participant;
    Person other;
    Person peer;
    Person colleague;
    String me;
    String peerToken;

    @BeforeEach
    void aParticipantAndTheirPeerWorker() {
        api = agency.api();
        String tag = TestAgency.tag();
        participant = agency.person("Pia Plan " + tag)
                .role(Role.PARTICIPANT)
                .account("pia-" + tag)
                .create();
        other = agency.person("Otto Other " + tag)
                .role(Role.PARTICIPANT)
                .account("otto-" + tag)
                .create();
        peer = agency.person("Pat Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("pat-" + tag)
                .create();
        colleague = agency.person("Cy Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("cy-" + tag)
                .create();
        agency.relate(agency.demoToken("supervisor"), "SUPPORTS", peer.id(), participant.id());
        me = agency.token(participant);
        peerToken = agency.token(peer);
    }

    @Test
    void keepsEveryVersionOfTheRecoveryPlan() {
        String goalId = writeGoal();
        Api.Response second = api.put(
                "/api/v1/me/recovery-plan",
                me,
                Api.json(Map.of(
                        "version",
                        1,
                        "goals",
                        List.of(Map.of(
                                "id",
                                goalId,
                                "area",
                                "HOME",
                                "words",
                                "A home near the river.",
                                "steps",
                                List.of(Map.of(
                                        "text", "Visit a co-op", "whoHelps", "my sister", "due", "2026-09-01")))))));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        Api.Response versions = api.get("/api/v1/me/recovery-plan/versions?limit=1", me);

        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.body()).contains("A home near the river.").doesNotContain(GOAL);
        assertThat(versions.link()).contains("before=2").contains("rel=\"next\"");
        Api.Response older = api.get("/api/v1/me/recovery-plan/versions?limit=1&before=2", me);
        assertThat(older.body()).contains(GOAL);
    }

    @Test
    void refusesAnEditOfAnOutdatedVersion() {
        writeGoal();

        Api.Response stale = api.put("/api/v1/me/recovery-plan", me, "{\"version\":0,\"goals\":[]}");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/me/recovery-plan", me).body()).contains(GOAL);
    }

    @Test
    void letsTheParticipantAcceptAStepTheirPeerWorkerSuggests() {
        String goalId = writeGoal();
        assertThat(api.get(recoveryPlanOf(participant), peerToken).body()).contains(GOAL);

        String suggestion = suggest(goalId, peerToken, 201);
        Api.Response waiting = api.get("/api/v1/me/recovery-plan", me);
        assertThat(waiting.json().get("waiting").size()).isEqualTo(1);

        Api.Response accepted = api.post(suggestionPath(suggestion, "accept"), me, "");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("version").asInt()).isEqualTo(2);
        assertThat(accepted.json().get("change").asString()).isEqualTo("SUGGESTION_ACCEPTED");
        assertThat(accepted.body()).contains("Join the Thursday art group");
        assertThat(accepted.json().get("waiting").size()).isZero();
        assertThat(api.post(suggestionPath(suggestion, "accept"), me, "").status())
                .isEqualTo(409);
        assertThat(api.post(suggestionPath(suggestion, "decline"), me, "").status())
                .isEqualTo(409);
    }

    @Test
    void keepsADeclinedSuggestionOutOfThePlan() {
        String goalId = writeGoal();
        String suggestion = suggest(goalId, peerToken, 201);

        Api.Response declined = api.post(suggestionPath(suggestion, "decline"), me, "");

        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
        Api.Response plan = api.get("/api/v1/me/recovery-plan", me);
        assertThat(plan.json().get("version").asInt()).isEqualTo(1);
        assertThat(plan.body()).doesNotContain("Join the Thursday art group");
        assertThat(api.post(suggestionPath(suggestion, "accept"), me, "").status())
                .isEqualTo(409);
    }

    @Test
    void hidesASuggestionFromAnotherParticipant() {
        String suggestion = suggest(writeGoal(), peerToken, 201);

        Api.Response theirs = api.post(suggestionPath(suggestion, "accept"), agency.token(other), "");
        Api.Response missing =
                api.post(suggestionPath(UUID.randomUUID().toString(), "accept"), agency.token(other), "");

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(masked(theirs.body())).isEqualTo(masked(missing.body()));
        assertThat(api.get("/api/v1/me/recovery-plan", me).json().get("waiting").size())
                .isEqualTo(1);
    }

    @Test
    void letsOnlyTheAssignedPeerWorkerSuggest() {
        String goalId = writeGoal();
        long before = agency.rows("step_suggestion");

        suggest(goalId, agency.token(colleague), 404);
        suggest(goalId, agency.demoToken("admin"), 404);
        suggest(goalId, agency.token(other), 404);

        assertThat(agency.rows("step_suggestion")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "privacy", "manager"})
    void sealsTheRecoveryPlanFromEveryRole(String demoUser) {
        writeGoal();

        assertHidden(recoveryPlanOf(participant), agency.demoToken(demoUser), GOAL);
    }

    @Test
    void sealsTheRecoveryPlanFromAColleagueAndAnotherParticipant() {
        writeGoal();

        assertHidden(recoveryPlanOf(participant), agency.token(colleague), GOAL);
        assertHidden(recoveryPlanOf(participant), agency.token(other), GOAL);
    }

    @Test
    void showsTheCrisisPlanToTheNamedPersonOnlyWhileNamed() {
        writeCrisisPlan(List.of(peer.id()));

        Api.Response shared = api.get(crisisPlanOf(participant), peerToken);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        assertThat(shared.body()).contains(HELPS);
        assertThat(shared.json().get("sharedWith").size())
                .as("a reader does not see who else reads")
                .isZero();

        writeCrisisPlan(List.of());

        assertHidden(crisisPlanOf(participant), peerToken, HELPS);
        assertThat(api.get("/api/v1/me/crisis-plan/versions", me).json().size()).isEqualTo(2);
    }

    @Test
    void hidesTheCrisisPlanFromTheirPeerWorkerWithoutAShare() {
        writeCrisisPlan(List.of(colleague.id()));

        assertHidden(crisisPlanOf(participant), peerToken, HELPS);
        assertThat(api.get(crisisPlanOf(participant), agency.token(colleague)).body())
                .contains(HELPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "privacy", "supervisor"})
    void sealsTheCrisisPlanFromEveryRole(String demoUser) {
        writeCrisisPlan(List.of(peer.id()));

        assertHidden(crisisPlanOf(participant), agency.demoToken(demoUser), HELPS);
    }

    @Test
    void sealsTheCrisisPlanFromAnotherParticipant() {
        writeCrisisPlan(List.of(peer.id()));

        assertHidden(crisisPlanOf(participant), agency.token(other), HELPS);
    }

    @Test
    void sealsBothPlansFromAnotherAgency() {
        writeGoal();
        writeCrisisPlan(List.of(peer.id()));
        String token = otherAgencyAdministrator();

        for (String path : List.of(crisisPlanOf(participant), recoveryPlanOf(participant))) {
            Api.Response hidden = api.get(path, token);
            Api.Response missing = api.get(
                    path.replace(
                            participant.id().value().toString(),
                            UUID.randomUUID().toString()),
                    token);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
        }
    }

    @Test
    void refusesAStaffMemberAPlanOfTheirOwn() {
        assertThat(api.get("/api/v1/me/crisis-plan", peerToken).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/me/recovery-plan", peerToken, "{\"goals\":[]}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesToShareWithSomeoneOfAnotherAgencyOrThemselves() {
        long before = agency.rows("crisis_plan_version");

        Api.Response stranger = api.put(
                "/api/v1/me/crisis-plan",
                me,
                Api.json(Map.of(
                        "sections",
                        Map.of(),
                        "sharedWith",
                        List.of(UUID.randomUUID().toString()))));
        Api.Response self = api.put(
                "/api/v1/me/crisis-plan",
                me,
                Api.json(Map.of(
                        "sections",
                        Map.of(),
                        "sharedWith",
                        List.of(participant.id().value().toString()))));

        assertThat(stranger.status()).isEqualTo(400);
        assertThat(self.status()).isEqualTo(400);
        assertThat(agency.rows("crisis_plan_version")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"goals\":\"home\"}",
                "{\"goals\":[null]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":\"  \"}]}",
                "{\"goals\":[{\"area\":\"CASTLE\",\"words\":\"x\"}]}",
                "{\"goals\":[{\"words\":\"no area\"}]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":\"x\",\"steps\":[{\"text\":\"\"}]}]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":\"x\",\"target\":\"soon\"}]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":\"x\",\"steps\":\"walk\"}]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":5}]}",
                "{\"goals\":[{\"area\":\"HOME\",\"words\":\"bad \\u202e char\"}]}"
            })
    void refusesABadRecoveryPlanAndKeepsNothing(String body) {
        writeGoal();
        long before = agency.rows("recovery_plan_version");

        Api.Response r = api.put("/api/v1/me/recovery-plan", me, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(agency.rows("recovery_plan_version")).isEqualTo(before);
        assertThat(api.get("/api/v1/me/recovery-plan", me).body()).contains(GOAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                "{\"sections\":{\"NOT_A_SECTION\":\"x\"}}",
                "{\"sections\":{\"WHAT_HELPS\":\"x\"},\"sharedWith\":[\"not-an-id\"]}",
                "{\"sections\":{\"WHAT_HELPS\":\"x\"},\"sharedWith\":\"everyone\"}"
            })
    void refusesABadCrisisPlanAndKeepsNothing(String body) {
        long before = agency.rows("crisis_plan_version");

        Api.Response r = api.put("/api/v1/me/crisis-plan", me, body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(agency.rows("crisis_plan_version")).isEqualTo(before);
    }

    @Test
    void refusesABadSuggestionAndKeepsNothing() {
        String goalId = writeGoal();
        long before = agency.rows("step_suggestion");

        for (String body : List.of(
                "{}",
                "{\"goalId\":\"" + goalId + "\"}",
                "{\"goalId\":\"" + goalId + "\",\"text\":5}",
                "{\"goalId\":\"nope\",\"text\":\"x\"}")) {
            Api.Response r = api.post(recoveryPlanOf(participant) + "/suggestions", peerToken, body);
            assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
        }
        Api.Response unknownGoal = api.post(
                recoveryPlanOf(participant) + "/suggestions",
                peerToken,
                "{\"goalId\":\"" + UUID.randomUUID() + "\",\"text\":\"x\"}");
        assertThat(unknownGoal.status()).isEqualTo(404);
        assertThat(agency.rows("step_suggestion")).isEqualTo(before);
    }

    @Test
    void auditsEveryReadWithoutAWordOfThePlans() {
        String goalId = writeGoal();
        writeCrisisPlan(List.of(peer.id()));
        api.get(crisisPlanOf(participant), peerToken);
        api.get(crisisPlanOf(participant), agency.demoToken("admin"));
        suggest(goalId, peerToken, 201);

        List<String> audited = jdbc.sql("select coalesce(detail, '') || ' ' || coalesce(record_id, '')"
                        + " || ' ' || coalesce(basis, '') || ' ' || outcome from audit_entry where subject_id = :p")
                .param("p", participant.id().value())
                .query(String.class)
                .list();

        assertThat(String.join("\n", audited))
                .contains("SHARED_BY_PERSON")
                .contains("DENIED")
                .doesNotContain("place of my own")
                .doesNotContain("tea")
                .doesNotContain("Thursday");
    }

    private String writeGoal() {
        Api.Response r = api.put(
                "/api/v1/me/recovery-plan",
                me,
                Api.json(Map.of("goals", List.of(Map.of("area", "HOME", "words", GOAL, "target", "2026-12-01")))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("goals").get(0).get("id").asString();
    }

    private String suggest(String goalId, String token, int status) {
        Api.Response r = api.post(
                recoveryPlanOf(participant) + "/suggestions",
                token,
                Api.json(Map.of("goalId", goalId, "text", "Join the Thursday art group", "whoHelps", "Pat")));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return status == 201 ? r.json().get("id").asString() : "";
    }

    private void writeCrisisPlan(List<PersonId> sharedWith) {
        Api.Response r = api.put(
                "/api/v1/me/crisis-plan",
                me,
                Api.json(Map.of(
                        "sections",
                        Map.of("WHAT_HELPS", HELPS, "WHO_TO_CALL", "My sister Anne"),
                        "sharedWith",
                        sharedWith.stream().map(p -> p.value().toString()).toList())));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void assertHidden(String path, String token, String secret) {
        Api.Response hidden = api.get(path, token);
        Api.Response missing = api.get(
                path.replace(
                        participant.id().value().toString(), UUID.randomUUID().toString()),
                token);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(masked(hidden.body())).isEqualTo(masked(missing.body()));
        assertThat(hidden.body()).doesNotContain(secret);
    }

    private String otherAgencyAdministrator() {
        AgencyId otherAgency = directory.createAgency("Voice other " + TestAgency.tag(), false);
        Person stranger = directory.register(
                otherAgency,
                new PersonDetails("Other Admin", null, null, null, null),
                List.of(new AssignRole(
                        Role.ADMINISTRATOR, null, null, agency.today().minusDays(1), null)));
        String username = "voice-other-" + TestAgency.tag();
        directory.openAccount(otherAgency, stranger.id(), username, TestAgency.PASSWORD);
        return agency.token(username);
    }

    static String recoveryPlanOf(Person person) {
        return "/api/v1/people/" + person.id().value() + "/recovery-plan";
    }

    static String crisisPlanOf(Person person) {
        return "/api/v1/people/" + person.id().value() + "/crisis-plan";
    }

    static String suggestionPath(String id, String what) {
        return "/api/v1/me/recovery-plan/suggestions/" + id + "/" + what;
    }

    static String masked(String body) {
        return body.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID");
    }
}
