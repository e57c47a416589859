package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import org.mutuality.directory.Team;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A handler who may not take a concern is told who could, and who is missing from that list tells
 * them nothing of a relationship hidden from them (ADR 0012). In an agency of its own: Wren, a peer
 * worker; Hana, a supervisor of another program and Wren's sister, so Hana may not take a concern
 * about Wren; Robin and Sasha, supervisors in Wren's team. Wren then declares that Robin is her
 * partner, which only the two of them and the privacy lead may see.
 */
@IntegrationTest
class HandlerAlternativesIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    @Test
    void namesTheSameOthersWhoCouldTakeAConcernWhetherOrNotOneHasAHiddenRelationship() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate since = LocalDate.now(clock).minusYears(1);
        AgencyId agency = directory.createAgency("Handlers " + tag, false);
        Program peers = directory.createProgram(agency, "Peer Support", null);
        Program groups = directory.createProgram(agency, "Wellness Groups", null);
        Team team = directory.createTeam(agency, peers.id(), "Peer team");
        String wren =
                account(agency, "Wren", tag, new AssignRole(Role.PEER_WORKER, peers.id(), team.id(), since, null));
        String hana = account(agency, "Hana", tag, new AssignRole(Role.SUPERVISOR, groups.id(), null, since, null));
        String robin =
                account(agency, "Robin", tag, new AssignRole(Role.SUPERVISOR, peers.id(), team.id(), since, null));
        account(agency, "Sasha", tag, new AssignRole(Role.SUPERVISOR, peers.id(), team.id(), since, null));
        account(agency, "Rafa", tag, new AssignRole(Role.PARTICIPANT, peers.id(), null, since, null));
        String wrenToken = api.token("wren-" + tag, PASSWORD);
        String hanaToken = api.token("hana-" + tag, PASSWORD);
        declare(api, hanaToken, "FAMILY", hana, wren);
        Api.Response raised = api.post(
                "/api/v1/concerns",
                api.token("rafa-" + tag, PASSWORD),
                Api.json(Map.of("aboutId", wren, "text", "They keep texting me late at night.", "anonymous", false)));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String take = "/api/v1/concerns/" + raised.json().get("id").asString() + "/take";

        Api.Response before = api.post(take, hanaToken, "{}");
        declare(api, wrenToken, "PARTNER", wren, robin);
        Api.Response after = api.post(take, hanaToken, "{}");

        assertThat(before.status()).as(before.body()).isEqualTo(409);
        assertThat(before.json().get("detail").asString()).contains("Who could: Robin " + tag);
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.json().get("detail").asString())
                .isEqualTo(before.json().get("detail").asString());
    }

    private String account(AgencyId agency, String name, String tag, AssignRole role) {
        Person person =
                directory.register(agency, new PersonDetails(name + " " + tag, null, null, null, null), List.of(role));
        directory.openAccount(agency, person.id(), name.toLowerCase() + "-" + tag, PASSWORD);
        return person.id().value().toString();
    }

    private static void declare(Api api, String token, String kind, String a, String b) {
        Api.Response declared = api.post(
                "/api/v1/relationships", token, Api.json(Map.of("kind", kind, "personAId", a, "personBId", b)));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
    }
}
