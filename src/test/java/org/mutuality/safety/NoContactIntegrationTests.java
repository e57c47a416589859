package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mutuality.directory.Person;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A no-contact restriction is a NO_CONTACT relationship: matching, assignment (even one chosen before
 * the restriction), a direct support relationship and groups all refuse to pair the two, and staff
 * who may see the restriction are told why.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoContactIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Program program;
    Person peer;
    Person participant;
    String supervisor;
    String privacy;
    String referral;

    /** Nils is chosen as Pia's peer worker; a court order arrives before he answers. */
    @BeforeAll
    void aPeerChosenForAParticipantThenANoContactRestriction() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        program = agency.peerSupport();
        peer = agency.person("Nils NoContact " + tag)
                .role(Role.PEER_WORKER)
                .account("nils-" + tag)
                .create();
        participant = agency.person("Pia Protected " + tag)
                .role(Role.PARTICIPANT)
                .account("pia-" + tag)
                .create();
        supervisor = agency.demoToken("supervisor");
        privacy = agency.demoToken("privacy");
        referral = "/api/v1/referrals/"
                + api.post(
                                "/api/v1/referrals",
                                supervisor,
                                Api.json(Map.of(
                                        "personId", participant.id().toString(),
                                        "programId", program.id().toString(),
                                        "reason", "Pia asked for peer support after her hospital stay.")))
                        .json()
                        .get("id")
                        .asString();
        assertThat(api.post(
                                referral + "/choice",
                                supervisor,
                                Api.json(Map.of("peerId", peer.id().toString())))
                        .status())
                .isEqualTo(200);
        Api.Response restriction = api.post(
                "/api/v1/relationships",
                privacy,
                Api.json(Map.of(
                        "kind", "NO_CONTACT",
                        "personAId", peer.id().toString(),
                        "personBId", participant.id().toString(),
                        "note", "Court order",
                        "visibility", "STAFF")));
        assertThat(restriction.status()).as(restriction.body()).isEqualTo(201);
    }

    @Test
    void refusesTheAnswerOfAPeerWorkerChosenBeforeTheRestriction() {
        Api.Response accepted = api.post(referral + "/answer", agency.token("nils-" + tag), "{\"accept\":true}");

        assertThat(accepted.status()).isEqualTo(409);
        assertThat(accepted.body()).contains("no-contact restriction");
        assertThat(jdbc.sql("""
                        select count(*) from relationship where kind = 'SUPPORTS' and person_a_id = :a and person_b_id = :b
                        """)
                        .param("a", peer.id().value())
                        .param("b", participant.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void leavesThePeerWorkerOutOfMatchingAndRefusesChoosingThemAgain() {
        JsonNode suggestions = api.get(referral + "/suggestions", supervisor).json();
        assertThat(suggestions.get("suggestions").toString()).doesNotContain(peer.displayName());

        Api.Response again = api.post(
                referral + "/choice",
                supervisor,
                Api.json(Map.of("peerId", peer.id().toString())));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("no-contact restriction");
    }

    @Test
    void refusesASupportRelationshipRecordedByHand() {
        Api.Response direct = api.post(
                "/api/v1/relationships",
                supervisor,
                Api.json(Map.of(
                        "kind",
                        "SUPPORTS",
                        "personAId",
                        peer.id().toString(),
                        "personBId",
                        participant.id().toString())));

        assertThat(direct.status()).isEqualTo(409);
    }

    @Test
    void keepsTheParticipantOutOfAGroupThePeerWorkerLeads() {
        Api.Response group = api.post(
                "/api/v1/groups",
                supervisor,
                Api.json(Map.of(
                        "programId",
                        program.id().toString(),
                        "name",
                        "Cooking " + tag,
                        "leaderId",
                        peer.id().toString())));
        String members = "/api/v1/groups/" + group.json().get("id").asString() + "/members";

        Api.Response join = api.post(
                members,
                supervisor,
                Api.json(Map.of("personId", participant.id().toString(), "acknowledge", true)));

        assertThat(join.status()).isEqualTo(409);
        assertThat(join.body()).contains("no-contact restriction");
    }

    @Test
    void neverRoutesTheParticipantsMessagesToThePeerWorkerEvenOnDuty() {
        String settings = "/api/v1/programs/" + program.id() + "/contact-settings";
        String previous = api.get(settings, supervisor).body();
        Api.Response duty = api.put(
                settings,
                supervisor,
                Api.json(Map.of(
                        "openDays",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "opensAt", "00:00",
                        "closesAt", "23:59",
                        "zone", "America/Toronto",
                        "onDutyPeerId", peer.id().toString())));
        assertThat(duty.status()).as(duty.body()).isEqualTo(200);
        try {
            String nils = agency.token("nils-" + tag);
            JsonNode sent = api.post(
                            "/api/v1/me/messages",
                            agency.token("pia-" + tag),
                            "{\"to\":\"PROGRAM\",\"text\":\"Is anyone there?\"}")
                    .json();
            assertThat(sent.get("message").get("routed").asString()).isEqualTo("COORDINATORS");
            assertThat(sent.get("message").get("toId").isNull()).isTrue();
            assertThat(api.get("/api/v1/messages/inbox", nils).body())
                    .doesNotContain(participant.id().toString());
            assertThat(api.post("/api/v1/people/" + participant.id() + "/messages", nils, "{\"text\":\"Hello Pia\"}")
                            .status())
                    .isEqualTo(403);
        } finally {
            assertThat(api.put(settings, supervisor, previous).status()).isEqualTo(200);
        }
    }

    @Test
    void refusesBadOfficeHoursAndChangesNothing() {
        String path = "/api/v1/programs/" + program.id() + "/contact-settings";
        String before = api.get(path, supervisor).body();
        for (String body : List.of(
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"17:00\",\"closesAt\":\"09:00\",\"zone\":\"America/Toronto\"}",
                "{\"openDays\":[\"FUNDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"America/Toronto\"}",
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"Mars/Olympus\"}",
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"UTC\",\"onDutyPeerId\":\""
                        + agency.demoPerson("Julie Roy") + "\"}",
                "{")) {
            Api.Response r = api.put(path, supervisor, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(api.put(path, agency.demoToken("peer"), before).status()).isEqualTo(403);
        assertThat(api.get(path, supervisor).body()).isEqualTo(before);
    }
}
