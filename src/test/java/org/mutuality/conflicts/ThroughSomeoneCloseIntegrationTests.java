package org.mutuality.conflicts;

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
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A reason that rests on someone close is masked when the closeness is hidden from the caller, even
 * if the other relationship is one all staff see (ADR 0012). In an agency of its own: Xavier
 * supervises Wren (seen by all staff); Ava declares that Xavier is her partner (seen by the two of
 * them and the privacy lead). A coordinator asks whether Ava may approve Wren's hours.
 */
@IntegrationTest
class ThroughSomeoneCloseIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    @Test
    void masksAReasonThroughSomeoneCloseWhenTheClosenessIsHiddenFromTheCaller() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate since = LocalDate.now(clock).minusYears(1);
        AgencyId agency = directory.createAgency("Close " + tag, false);
        Program program = directory.createProgram(agency, "Peer Support", null);
        account(agency, "Morgan", tag, new AssignRole(Role.MANAGER, null, null, since, null));
        String wren = account(agency, "Wren", tag, new AssignRole(Role.PEER_WORKER, program.id(), null, since, null));
        String xavier =
                account(agency, "Xavier", tag, new AssignRole(Role.SUPERVISOR, program.id(), null, since, null));
        String ava = account(agency, "Ava", tag, new AssignRole(Role.SUPERVISOR, program.id(), null, since, null));
        String managerToken = api.token("morgan-" + tag, PASSWORD);
        record(api, managerToken, Map.of("kind", "SUPERVISES", "personAId", xavier, "personBId", wren));
        record(
                api,
                api.token("ava-" + tag, PASSWORD),
                Map.of("kind", "PARTNER", "personAId", ava, "personBId", xavier));

        Api.Response asked = api.post(
                "/api/v1/conflicts/check",
                managerToken,
                Api.json(Map.of("action", "APPROVE_TIMESHEET", "actorId", ava, "subjectId", wren)));

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode reason = asked.json().get("reasons").get(0);
        assertThat(reason.get("rule").asString()).isEqualTo("declared-relationship");
        assertThat(asked.json().get("reasons").toString())
                .doesNotContain("Xavier")
                .doesNotContain("SUPERVISES");
        // Ava herself, a party to the closeness, reads it.
        Api.Response own = api.post(
                "/api/v1/conflicts/check",
                api.token("ava-" + tag, PASSWORD),
                Api.json(Map.of("action", "APPROVE_TIMESHEET", "actorId", ava, "subjectId", wren)));
        assertThat(own.json().get("reasons").get(0).get("via").asString()).isEqualTo("Xavier " + tag);
    }

    /**
     * APA 3.05 (a)(2): Ava's partner Xavier is Wren's brother. Ava approving Wren's hours asks for a
     * consultation, and the privacy lead, who may see both relationships, reads the path in words.
     */
    @Test
    void namesThePathThroughSomeoneCloseInTheReadersLanguage() {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        LocalDate since = LocalDate.now(clock).minusYears(1);
        AgencyId agency = directory.createAgency("Path " + tag, false);
        Program program = directory.createProgram(agency, "Peer Support", null);
        account(agency, "Priya", tag, new AssignRole(Role.PRIVACY_LEAD, null, null, since, null));
        String wren = account(agency, "Wren", tag, new AssignRole(Role.PEER_WORKER, program.id(), null, since, null));
        String ava = account(agency, "Ava", tag, new AssignRole(Role.SUPERVISOR, program.id(), null, since, null));
        String xavier =
                account(agency, "Xavier", tag, new AssignRole(Role.PARTICIPANT, program.id(), null, since, null));
        record(
                api,
                api.token("ava-" + tag, PASSWORD),
                Map.of("kind", "PARTNER", "personAId", ava, "personBId", xavier));
        record(
                api,
                api.token("wren-" + tag, PASSWORD),
                Map.of("kind", "FAMILY", "personAId", xavier, "personBId", wren));
        String privacy = api.token("priya-" + tag, PASSWORD);
        String body = Api.json(Map.of("action", "APPROVE_TIMESHEET", "actorId", ava, "subjectId", wren));

        JsonNode english = api.post("/api/v1/conflicts/check", privacy, body).json();
        JsonNode french =
                api.post("/api/v1/conflicts/check?lang=fr", privacy, body).json();

        assertThat(english.get("decision").asString()).isEqualTo("CONSULT");
        assertThat(english.get("reasons").get(0).get("rule").asString())
                .isEqualTo("intimate-or-family-through-someone-close");
        assertThat(english.get("reasons").get(0).get("explanation").asString())
                .startsWith(
                        "Through someone close: Ava %1$s and Xavier %1$s are partners, and Xavier %1$s and Wren %1$s are family. One of the two"
                                .formatted(tag));
        assertThat(french.get("reasons").get(0).get("explanation").asString())
                .startsWith(
                        ("Par une personne proche : Ava %1$s et Xavier %1$s sont partenaires, et Xavier %1$s et Wren %1$s"
                                        + " sont de la même famille. L’une des deux")
                                .formatted(tag));
    }

    private String account(AgencyId agency, String name, String tag, AssignRole role) {
        Person person =
                directory.register(agency, new PersonDetails(name + " " + tag, null, null, null, null), List.of(role));
        directory.openAccount(agency, person.id(), name.toLowerCase() + "-" + tag, PASSWORD);
        return person.id().value().toString();
    }

    private static void record(Api api, String token, Map<String, Object> body) {
        Api.Response recorded = api.post("/api/v1/relationships", token, Api.json(body));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }
}
