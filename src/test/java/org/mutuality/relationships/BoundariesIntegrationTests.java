package org.mutuality.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * S7 and S12: a peer worker's own limits are compared with the contacts they record; passing one
 * invites them, and only them unless they chose otherwise, to reflect. Their supervisor never
 * learns who the participant was and reads a reflection only when it is shared.
 */
@IntegrationTest
class BoundariesIntegrationTests {

    static final String PLAN = "/api/v1/me/boundary-plan";
    static final String REFLECTIONS = "/api/v1/me/reflections";
    static final Map<String, Object> COFFEE = Map.of("kind", "OUTSIDE_CONTACT", "durationMinutes", 45, "place", "Café");

    @Autowired
    TestAgency agency;

    @Autowired
    DataSource dataSource;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"contactsPerWeek\":0}",
                "{\"outsideContactsPerMonth\":-1}",
                "{\"longestSessionMinutes\":5}",
                "{\"noContactAfter\":\"late\"}",
                "{\"areas\":{\"TELEPATHY\":\"no\"}}",
                "{\"areas\":{\"SOCIAL_MEDIA\":\"%s\"}}",
                "{"
            })
    void refusesABadPlanAndChangesNothing(String template) {
        String body = template.formatted("x".repeat(1001));
        String peer = agency.demoToken("peer");
        String before = api.get(PLAN, peer).body();

        Api.Response r = api.put(PLAN, peer, body);

        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.contentType()).as(body).contains("problem+json");
        assertThat(api.get(PLAN, peer).body()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForAReflectionThatDoesNotExist() {
        assertThat(api.post(REFLECTIONS + "/" + UUID.randomUUID(), agency.demoToken("peer"), "{\"reflection\":\"x\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aParticipantHasNoBoundaryPlan() {
        assertThat(api.get(PLAN, agency.demoToken("participant")).status()).isEqualTo(403);
    }

    /**
     * Béa, a peer worker, her supervisor Sid and a participant she supports, new for each test. Béa's
     * plan allows one outside contact a month, sessions of 90 minutes and no contact after 20:00; she
     * has not chosen to share with her supervisor.
     */
    @Nested
    class WithAPlan {

        Person peer;
        Person participant;
        Person supervisor;
        String tag;
        String bea;
        String supervisorToken;
        String contacts;
        Api.Response savedPlan;

        @BeforeEach
        void beaHasAPlanAndSupportsAParticipant() {
            tag = TestAgency.tag();
            peer = agency.person("Béa Boundary " + tag)
                    .role(Role.PEER_WORKER)
                    .account("bea-" + tag)
                    .create();
            participant = agency.person("Paulo Participant " + tag)
                    .role(Role.PARTICIPANT)
                    .create();
            supervisor = agency.person("Sid Supervisor " + tag)
                    .role(Role.SUPERVISOR)
                    .account("sid-" + tag)
                    .create();
            agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), peer.id());
            agency.relate(agency.demoToken("supervisor"), "SUPPORTS", peer.id(), participant.id());
            bea = agency.token("bea-" + tag);
            supervisorToken = agency.token("sid-" + tag);
            contacts = "/api/v1/people/" + participant.id() + "/interactions";
            savedPlan = api.put(
                    PLAN,
                    bea,
                    Api.json(Map.of(
                            "areas",
                            Map.of("OUTSIDE_CONTACT", "Coffee at most once a month, in public places."),
                            "outsideContactsPerMonth",
                            1,
                            "longestSessionMinutes",
                            90,
                            "noContactAfter",
                            "20:00",
                            "shareWithSupervisor",
                            false)));
        }

        @Test
        void keepsAPeerWorkersOwnPlan() {
            assertThat(savedPlan.status()).as(savedPlan.body()).isEqualTo(200);
            assertThat(savedPlan.json().get("areas").get("OUTSIDE_CONTACT").asString())
                    .contains("once a month");
        }

        @Test
        void aContactWithinTheLimitsInvitesNothing() {
            record(COFFEE);

            assertThat(api.get(REFLECTIONS, bea).json()).isEmpty();
        }

        @Test
        void passingALimitInvitesThePeerWorkerToReflect() {
            record(COFFEE);
            record(COFFEE);

            JsonNode invitations = api.get(REFLECTIONS, bea).json();
            assertThat(invitations).hasSize(1);
            assertThat(invitations.get(0).get("limit").asString()).isEqualTo("OUTSIDE_CONTACTS_PER_MONTH");
            assertThat(invitations.get(0).get("detail").get(0).asString()).isEqualTo("2");
            assertThat(invitations.get(0).get("sharedWithSupervisor").asBoolean())
                    .isFalse();
            assertThat(agency.notices(peer.id(), "REFLECTION_INVITED")).isEqualTo(1);
        }

        @Test
        void passingTheSameLimitAgainThatMonthDoesNotInviteAgain() {
            record(COFFEE);
            record(COFFEE);
            record(COFFEE);

            assertThat(api.get(REFLECTIONS, bea).json()).hasSize(1);
            assertThat(agency.notices(peer.id(), "REFLECTION_INVITED")).isEqualTo(1);
        }

        /**
         * Two contacts recorded at once past the same limit both find no invitation and both insert
         * one. The test makes the first invitation itself and holds its transaction open, so that the
         * contact recorded meanwhile waits on it and then has its own invitation refused: the contact
         * stays (it answered 409 and was lost), and the invitation is made once.
         */
        @Test
        void aContactWhoseInvitationWasMadeMeanwhileIsStillKept() throws Exception {
            assumeTrue(
                    agency.onPostgres(),
                    "H2 refuses the second insert after its lock timeout instead of waiting for the first");
            record(COFFEE);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Api.Response> second;
            try (Connection first = dataSource.getConnection()) {
                first.setAutoCommit(false);
                try (PreparedStatement invite = first.prepareStatement("""
                        insert into reflection_invitation (id, agency_id, person_id, limit_kind, participant_id,
                            period_key, detail, shared_with_supervisor, created_at, reflection_shared)
                        values (?, ?, ?, 'OUTSIDE_CONTACTS_PER_MONTH', ?, ?, '2', false, current_timestamp, false)
                        """)) {
                    invite.setObject(1, UUID.randomUUID());
                    invite.setObject(2, peer.agencyId().value());
                    invite.setObject(3, peer.id().value());
                    invite.setObject(4, participant.id().value());
                    invite.setString(5, agency.today().toString().substring(0, 7));
                    invite.executeUpdate();
                }
                second = writer.submit(() -> api.post(contacts, bea, Api.json(COFFEE)));
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(this::theContactWaitsForTheInvitation);
                first.commit();
            } finally {
                writer.shutdown();
            }

            assertThat(second.get().status()).as(second.get().body()).isEqualTo(201);
            assertThat(api.get(contacts, bea).json().get("contacts").asInt()).isEqualTo(2);
            assertThat(api.get(REFLECTIONS, bea).json()).hasSize(1);
        }

        private boolean theContactWaitsForTheInvitation() throws SQLException {
            try (Connection c = dataSource.getConnection();
                    ResultSet waiting =
                            c.createStatement().executeQuery("select count(*) from pg_locks where not granted")) {
                return waiting.next() && waiting.getInt(1) > 0;
            }
        }

        @Test
        void theSupervisorLearnsNothingUnlessThePeerWorkerChose() {
            record(COFFEE);
            record(COFFEE);

            assertThat(agency.notices(supervisor.id(), "REFLECTION_SHARED")).isZero();
            assertThat(shared()).isEmpty();
        }

        @Test
        void whenThePeerWorkerChoseTheSupervisorLearnsOfEachInvitationButNotWhoTheParticipantWas() {
            shareWithSupervisor();

            recordALongLateSession();

            assertThat(api.get(REFLECTIONS, bea).json()).hasSize(2);
            assertThat(agency.notices(supervisor.id(), "REFLECTION_SHARED")).isEqualTo(2);
            List<JsonNode> shared = shared();
            assertThat(shared).hasSize(2);
            for (JsonNode s : shared) {
                assertThat(s.get("participantId").isNull()).isTrue();
                assertThat(s.toString())
                        .doesNotContain(participant.id().toString())
                        .doesNotContain("Paulo");
                assertThat(s.get("reflection").isNull()).isTrue();
            }
        }

        @Test
        void aReflectionStaysPrivateUntilThePeerWorkerSharesIt() {
            shareWithSupervisor();
            recordALongLateSession();
            String reflect = REFLECTIONS + "/" + invitation("LONGEST_SESSION");

            assertThat(api.post(
                                    reflect,
                                    bea,
                                    "{\"reflection\":\"He was in crisis; I stayed. Next time I call the team.\"}")
                            .status())
                    .isEqualTo(204);
            assertThat(shared().toString()).doesNotContain("in crisis");

            assertThat(api.post(
                                    reflect,
                                    bea,
                                    "{\"reflection\":\"He was in crisis; I stayed. Next time I call the team.\",\"share\":true}")
                            .status())
                    .isEqualTo(204);
            assertThat(shared().toString()).contains("in crisis");
        }

        @Test
        void thePeerWorkersPageShowsHerInvitationsWithTheParticipantsName() {
            record(COFFEE);
            record(COFFEE);

            var mine = agency.browser("bea-" + tag).get("/boundaries");

            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(mine.body()).contains("Invitations to reflect").contains(participant.displayName());
        }

        @Test
        void theSupervisorsPageNamesThePeerWorkerButNeverTheParticipant() {
            shareWithSupervisor();
            recordALongLateSession();

            var sharedPage = agency.browser("sid-" + tag).get("/boundaries/shared");

            assertThat(sharedPage.statusCode()).isEqualTo(200);
            assertThat(sharedPage.body()).contains(peer.displayName()).doesNotContain(participant.displayName());
        }

        @Test
        void aBadPlanFormShowsAClearMessage() {
            BrowserSession page = agency.browser("bea-" + tag);
            page.get("/boundaries");

            var badForm = page.post("/boundaries", Map.of("contactsPerWeek", "many"));

            assertThat(badForm.statusCode()).isEqualTo(302);
            assertThat(page.get("/boundaries").body()).contains("Contacts a week must be a whole number");
        }

        @Test
        void nobodyElseReflectsOnAnInvitationOrReadsThePlan() {
            record(COFFEE);
            record(COFFEE);
            String peer2 = agency.demoToken("peer2");

            assertThat(api.post(
                                    REFLECTIONS + "/" + invitation("OUTSIDE_CONTACTS_PER_MONTH"),
                                    peer2,
                                    "{\"reflection\":\"x\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(PLAN, peer2).body()).doesNotContain("once a month");
        }

        private void record(Map<String, Object> contact) {
            Api.Response r = api.post(contacts, bea, Api.json(contact));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        private void shareWithSupervisor() {
            Map<String, Object> plan = Map.of(
                    "outsideContactsPerMonth",
                    1,
                    "longestSessionMinutes",
                    90,
                    "noContactAfter",
                    "20:00",
                    "shareWithSupervisor",
                    true);
            assertThat(api.put(PLAN, bea, Api.json(plan)).status()).isEqualTo(200);
        }

        /** A session over Béa's 90 minutes, with the next meeting set after her 20:00. */
        private void recordALongLateSession() {
            record(Map.of(
                    "kind",
                    "ONE_TO_ONE",
                    "durationMinutes",
                    150,
                    "nextMeeting",
                    agency.today().plusDays(2) + "T21:30"));
        }

        private String invitation(String limit) {
            return api.get(REFLECTIONS, bea)
                    .json()
                    .valueStream()
                    .filter(i -> i.get("limit").asString().equals(limit))
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asString();
        }

        /** What Béa's supervisor reads of what she shared. */
        private List<JsonNode> shared() {
            return api.get("/api/v1/reflections/shared-with-me", supervisorToken)
                    .json()
                    .valueStream()
                    .filter(i -> i.get("personId").asString().equals(peer.id().toString()))
                    .toList();
        }
    }
}
