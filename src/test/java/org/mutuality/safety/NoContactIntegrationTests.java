package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A no-contact restriction is a NO_CONTACT relationship: matching, assignment (even one chosen before
 * the restriction), a direct support relationship and groups all refuse to pair the two, and staff
 * who may see the restriction are told why.
 */
@IntegrationTest
class NoContactIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noContactRefusesEveryPairingEvenOneChosenBefore() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Program program = peerProgram();
        Person peer = person("Nils NoContact " + tag, Role.PEER_WORKER, program, "nils-" + tag);
        Person participant = person("Pia Protected " + tag, Role.PARTICIPANT, program, "pia-" + tag);
        String supervisor = api.demoToken("supervisor");
        String privacy = api.demoToken("privacy");

        Api.Response referral = api.post(
                "/api/v1/referrals",
                supervisor,
                Api.json(Map.of(
                        "personId", participant.id().toString(),
                        "programId", program.id().toString(),
                        "reason", "Pia asked for peer support after her hospital stay.")));
        String id = referral.json().get("id").asString();
        assertThat(api.post(
                                "/api/v1/referrals/" + id + "/choice",
                                supervisor,
                                Api.json(Map.of("peerId", peer.id().toString())))
                        .status())
                .isEqualTo(200);

        // A court order arrives before Nils answers.
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

        Api.Response accepted = api.post(
                "/api/v1/referrals/" + id + "/answer", api.token("nils-" + tag, PASSWORD), "{\"accept\":true}");
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

        // Matching leaves Nils out; choosing him again is refused with the reason.
        JsonNode suggestions =
                api.get("/api/v1/referrals/" + id + "/suggestions", supervisor).json();
        assertThat(suggestions.get("suggestions").toString()).doesNotContain(peer.displayName());
        Api.Response again = api.post(
                "/api/v1/referrals/" + id + "/choice",
                supervisor,
                Api.json(Map.of("peerId", peer.id().toString())));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("no-contact restriction");

        // A support relationship recorded by hand is refused too.
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

        // Groups: Nils leads one; Pia cannot join it.
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

        // Messages: even as the program's on-duty peer, Nils never receives Pia's messages.
        String settings = "/api/v1/programs/" + program.id() + "/contact-settings";
        String previous = api.get(settings, supervisor).body();
        Api.Response duty = api.put(
                "/api/v1/programs/" + program.id() + "/contact-settings",
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
            JsonNode sent = api.post(
                            "/api/v1/me/messages",
                            api.token("pia-" + tag, PASSWORD),
                            "{\"to\":\"PROGRAM\",\"text\":\"Is anyone there?\"}")
                    .json();
            assertThat(sent.get("message").get("routed").asString()).isEqualTo("COORDINATORS");
            assertThat(sent.get("message").get("toId").isNull()).isTrue();
            assertThat(api.get("/api/v1/messages/inbox", api.token("nils-" + tag, PASSWORD))
                            .body())
                    .doesNotContain(participant.id().toString());
            assertThat(api.post(
                                    "/api/v1/people/" + participant.id() + "/messages",
                                    api.token("nils-" + tag, PASSWORD),
                                    "{\"text\":\"Hello Pia\"}")
                            .status())
                    .isEqualTo(403);
        } finally {
            assertThat(api.put(settings, supervisor, previous).status()).isEqualTo(200);
        }
    }

    @Test
    void badOfficeHoursAreRefusedAndChangeNothing() {
        Api api = new Api(port);
        String supervisor = api.demoToken("supervisor");
        Program program = peerProgram();
        String path = "/api/v1/programs/" + program.id() + "/contact-settings";
        String before = api.get(path, supervisor).body();
        for (String body : List.of(
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"17:00\",\"closesAt\":\"09:00\",\"zone\":\"America/Toronto\"}",
                "{\"openDays\":[\"FUNDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"America/Toronto\"}",
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"Mars/Olympus\"}",
                "{\"openDays\":[\"MONDAY\"],\"opensAt\":\"09:00\",\"closesAt\":\"17:00\",\"zone\":\"UTC\",\"onDutyPeerId\":\""
                        + org.mutuality.test.Demo.personId(jdbc, "Julie Roy") + "\"}",
                "{")) {
            Api.Response r = api.put(path, supervisor, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(api.put(path, api.demoToken("peer"), before).status()).isEqualTo(403);
        assertThat(api.get(path, supervisor).body()).isEqualTo(before);
    }

    private Program peerProgram() {
        return directory.programs(directory.demoAgency().orElseThrow()).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
    }

    private Person person(String name, Role role, Program program, String username) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Person p = directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, program.id(), null, LocalDate.now().minusDays(1), null)));
        if (username != null) {
            directory.openAccount(agency, p.id(), username, PASSWORD);
        }
        return p;
    }
}
