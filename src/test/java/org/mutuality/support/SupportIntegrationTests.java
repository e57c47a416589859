package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * Peer support through the API: referral, suggestions that leave out blocked pairings and explain
 * flagged ones, the participant's choice, the peer worker's answer, the first interaction; who reads
 * what; the language helper; groups; bad input that changes nothing.
 */
@IntegrationTest
class SupportIntegrationTests {

    static final String PASSWORD = "correct horse battery staple 42";

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @Test
    void matchingLeavesOutBlockedPeersExplainsFlaggedOnesAndTheChoiceBecomesTheCircleOfCare() {
        api = new Api(port);
        String tag = tag();
        Person participant = person("Inès Participant " + tag, Role.PARTICIPANT, "ines-" + tag);
        Person fit = person("Quentin Fit " + tag, Role.PEER_WORKER, "quentin-" + tag);
        Person friend = person("Fanny Friend " + tag, Role.PEER_WORKER, "fanny-" + tag);
        Person restricted = person("Noé Restricted " + tag, Role.PEER_WORKER, null);
        Person sister = person("Sasha Sister " + tag, Role.PEER_WORKER, null);
        String privacy = api.demoToken("privacy");
        relate(privacy, "NO_CONTACT", restricted, participant);
        relate(privacy, "FAMILY", sister, participant);
        relate(privacy, "FRIEND", friend, participant, "STAFF");
        String quentin = api.token("quentin-" + tag, PASSWORD);
        assertThat(api.put(
                                "/api/v1/me/peer-profile",
                                quentin,
                                Api.json(Map.of(
                                        "languages", List.of("qu", "en"),
                                        "livedExperience", List.of("GRIEF"),
                                        "availability", List.of("WEEKENDS"),
                                        "capacity", 5,
                                        "accepting", true)))
                        .status())
                .isEqualTo(200);

        String supervisor = api.demoToken("supervisor");
        Api.Response made = api.post(
                "/api/v1/referrals",
                api.demoToken("psychiatrist"),
                Api.json(Map.of(
                        "personId", participant.id().toString(),
                        "programId", peerProgram().id().toString(),
                        "reason", "Inès would like to talk with someone who has lost a parent too.",
                        "languages", List.of("qu"),
                        "livedExperience", List.of("GRIEF"),
                        "availability", List.of("WEEKENDS"))));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String referral = made.json().get("id").asString();
        assertThat(made.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(notices(supervisor(), "REFERRAL_RECEIVED")).isPositive();

        JsonNode suggestions = api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                .json();
        List<String> names = names(suggestions.get("suggestions"));
        assertThat(names.get(0)).isEqualTo(fit.displayName());
        assertThat(names).contains(friend.displayName()).doesNotContain(restricted.displayName(), sister.displayName());
        assertThat(suggestions.get("excludedForConflict").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode first = suggestions.get("suggestions").get(0);
        assertThat(first.get("conflictDecision").asString()).isEqualTo("ALLOW");
        assertThat(first.get("score").asInt()).isEqualTo(4 + 2 + 1);
        JsonNode flagged = find(suggestions.get("suggestions"), friend.displayName());
        assertThat(flagged.get("conflictDecision").asString()).isEqualTo("CONSULT");
        assertThat(flagged.get("reasons").get(0).asString()).contains("know each other outside the agency");

        // Only coordinators see suggestions; the referrer sees the referral but not the reasons.
        assertThat(api.get("/api/v1/referrals/" + referral + "/suggestions", api.demoToken("psychiatrist"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/referrals/" + referral, api.demoToken("psychiatrist"))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/referrals/" + referral, api.demoToken("peer2"))
                        .status())
                .isEqualTo(403);

        // A blocked choice is refused; a flagged one needs an acknowledgement.
        String choice = "/api/v1/referrals/" + referral + "/choice";
        assertThat(api.post(
                                choice,
                                supervisor,
                                Api.json(Map.of("peerId", restricted.id().toString())))
                        .status())
                .isEqualTo(409);
        Api.Response unacknowledged = api.post(
                choice, supervisor, Api.json(Map.of("peerId", friend.id().toString())));
        assertThat(unacknowledged.status()).isEqualTo(409);
        assertThat(unacknowledged.body()).contains("CONSULT");
        assertThat(status(referral)).isEqualTo("RECEIVED");
        Api.Response chosen = api.post(
                choice, supervisor, Api.json(Map.of("peerId", friend.id().toString(), "acknowledge", true)));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        assertThat(chosen.json().get("status").asString()).isEqualTo("OFFERED");

        // The friend declines; the person chooses Quentin, who accepts.
        String fanny = api.token("fanny-" + tag, PASSWORD);
        assertThat(api.post("/api/v1/referrals/" + referral + "/answer", quentin, "{\"accept\":true}")
                        .status())
                .isEqualTo(403);
        Api.Response declined = api.post(
                "/api/v1/referrals/" + referral + "/answer",
                fanny,
                "{\"accept\":false,\"note\":\"We are too close.\"}");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("chosenPeerId").isNull()).isTrue();
        JsonNode again = api.get("/api/v1/referrals/" + referral + "/suggestions", supervisor)
                .json();
        assertThat(find(again.get("suggestions"), friend.displayName())
                        .get("declinedBefore")
                        .asBoolean())
                .isTrue();
        assertThat(api.post(
                                choice,
                                supervisor,
                                Api.json(Map.of("peerId", fit.id().toString())))
                        .status())
                .isEqualTo(200);
        Api.Response accepted = api.post("/api/v1/referrals/" + referral + "/answer", quentin, "{\"accept\":true}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("""
                        select count(*) from relationship where kind = 'SUPPORTS' and source = 'ASSIGNMENT'
                        and person_a_id = :a and person_b_id = :b and end_date is null
                        """)
                        .param("a", fit.id().value())
                        .param("b", participant.id().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        List<String> steps = new ArrayList<>();
        accepted.json().get("steps").forEach(s -> steps.add(s.get("step").asString()));
        assertThat(steps).containsExactly("RECEIVED", "OFFERED", "CHOSEN", "PEER_DECLINED", "CHOSEN", "ACCEPTED");

        // The first interaction; the participant reads it; nobody outside the circle of care does.
        Api.Response recorded = api.post(
                "/api/v1/people/" + participant.id() + "/interactions",
                quentin,
                Api.json(Map.of(
                        "kind",
                        "ONE_TO_ONE",
                        "durationMinutes",
                        45,
                        "place",
                        "Library",
                        "topics",
                        List.of("WELLBEING"),
                        "livedExperienceShared",
                        true,
                        "note",
                        "We met for the first time and talked about her mother.")));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String interaction = recorded.json().get("id").asString();
        String ines = api.token("ines-" + tag, PASSWORD);
        JsonNode own = api.get("/api/v1/people/" + participant.id() + "/interactions", ines)
                .json();
        assertThat(own.get("basis").asString()).isEqualTo("SELF");
        assertThat(own.get("interactions").get(0).get("note").asString()).contains("her mother");
        for (String colleague : List.of("admin", "peer2", "privacy", "psychiatrist", "researcher")) {
            long before = denied(colleague);
            Api.Response refused =
                    api.get("/api/v1/people/" + participant.id() + "/interactions", api.demoToken(colleague));
            assertThat(refused.status()).as(colleague).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("her mother");
            assertThat(denied(colleague))
                    .as(colleague + "'s refusal is audited")
                    .isGreaterThan(before);
        }
        assertThat(api.post(
                                "/api/v1/people/" + participant.id() + "/interactions",
                                fanny,
                                Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                        .status())
                .isEqualTo(403);

        // An amendment replaces the entry in the list and keeps the original.
        Api.Response amended = api.post(
                "/api/v1/interactions/" + interaction + "/amend",
                quentin,
                Api.json(Map.of(
                        "kind",
                        "ONE_TO_ONE",
                        "durationMinutes",
                        60,
                        "note",
                        "We met for the first time at the library.")));
        assertThat(amended.status()).as(amended.body()).isEqualTo(201);
        JsonNode after = api.get("/api/v1/people/" + participant.id() + "/interactions", ines)
                .json();
        assertThat(after.get("interactions")).hasSize(1);
        assertThat(after.get("interactions").get(0).get("durationMinutes").asInt())
                .isEqualTo(60);
        assertThat(after.get("interactions")
                        .get(0)
                        .get("earlierVersions")
                        .get(0)
                        .get("note")
                        .asString())
                .contains("her mother");

        // Quentin's day lists Inès; the coordinator's caseloads count them.
        JsonNode day = api.get("/api/v1/me/day", quentin).json();
        assertThat(day.get("participants").get(0).get("name").asString()).isEqualTo(participant.displayName());
        JsonNode caseloads = api.get("/api/v1/caseloads", supervisor).json();
        JsonNode row = find(caseloads, fit.displayName());
        assertThat(row.get("participants").asInt()).isEqualTo(1);
        assertThat(row.get("minutes30d").asInt()).isEqualTo(60);
        assertThat(api.get("/api/v1/caseloads", quentin).status()).isEqualTo(403);

        // Closing the referral ends the assignment: Quentin no longer writes.
        assertThat(api.post("/api/v1/referrals/" + referral + "/close", quentin, "{\"note\":\"Inès moved away.\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/people/" + participant.id() + "/interactions",
                                quentin,
                                Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10)))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theLanguageHelperSuggestsInEnglishAndFrenchAndNeverRefuses() {
        api = new Api(port);
        String peer = api.demoToken("peer");
        JsonNode en = api.post(
                        "/api/v1/language/check",
                        peer,
                        Api.json(Map.of(
                                "text",
                                "She was Non-Compliant again and suffers from anxiety; a schizophrenic neighbour.")))
                .json();
        List<String> found = new ArrayList<>();
        en.forEach(h -> found.add(h.get("phrase").asString()));
        assertThat(found).containsExactly("non-compliant", "suffers from", "a schizophrenic");
        assertThat(en.get(1).get("suggestion").asString()).contains("lives with");
        JsonNode fr = api.post(
                        "/api/v1/language/check",
                        peer,
                        Api.json(Map.of("text", "Il souffre de dépression et reste dans le déni.", "lang", "fr")))
                .json();
        assertThat(fr).hasSize(2);
        assertThat(fr.get(0).get("lang").asString()).isEqualTo("fr");
        assertThat(fr.get(0).get("suggestion").asString()).contains("vit avec");
        assertThat(api.post("/api/v1/language/check", peer, Api.json(Map.of("text", "Julie chose the walking group.")))
                        .json())
                .isEmpty();
        // Words inside other words do not count.
        assertThat(api.post("/api/v1/language/check", peer, Api.json(Map.of("text", "Clientele; addiction services.")))
                        .json())
                .isEmpty();
    }

    @Test
    void groupsAskTheConflictCheckAndKeepAttendance() {
        api = new Api(port);
        String tag = tag();
        Person leader = person("Léa Leader " + tag, Role.VOLUNTEER_PEER, "lea-" + tag);
        Person neighbour = person("Nina Neighbour " + tag, Role.PARTICIPANT, null);
        Person barred = person("Bruno Barred " + tag, Role.PARTICIPANT, null);
        Person plain = person("Paul Plain " + tag, Role.PARTICIPANT, null);
        String privacy = api.demoToken("privacy");
        relate(privacy, "NEIGHBOUR", leader, neighbour);
        relate(privacy, "NO_CONTACT", leader, barred, "STAFF");
        String supervisor = api.demoToken("supervisor");
        Api.Response group = api.post(
                "/api/v1/groups",
                supervisor,
                Api.json(Map.of(
                        "programId",
                        peerProgram().id().toString(),
                        "name",
                        "Art group " + tag,
                        "meetsOn",
                        "THURSDAY",
                        "startsAt",
                        "13:30",
                        "leaderId",
                        leader.id().toString())));
        assertThat(group.status()).as(group.body()).isEqualTo(201);
        String id = group.json().get("id").asString();
        String members = "/api/v1/groups/" + id + "/members";
        Api.Response blocked = api.post(
                members, supervisor, Api.json(Map.of("personId", barred.id().toString())));
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("no-contact");
        Api.Response warned = api.post(
                members, supervisor, Api.json(Map.of("personId", neighbour.id().toString())));
        assertThat(warned.status()).isEqualTo(409);
        // The neighbours declared it privately: the coordinator learns only that a relationship asks for care.
        assertThat(warned.body()).contains("declared relationship").doesNotContain("neighbour");
        assertThat(api.post(
                                members,
                                supervisor,
                                Api.json(Map.of("personId", neighbour.id().toString(), "acknowledge", true)))
                        .json()
                        .get("decision")
                        .asString())
                .isEqualTo("WARN");
        String lea = api.token("lea-" + tag, PASSWORD);
        assertThat(api.post(members, lea, Api.json(Map.of("personId", plain.id().toString())))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(members, lea, Api.json(Map.of("personId", plain.id().toString())))
                        .status())
                .isEqualTo(409);
        Api.Response session = api.post(
                "/api/v1/groups/" + id + "/sessions",
                lea,
                Api.json(Map.of(
                        "heldOn", LocalDate.now().toString(),
                        "durationMinutes", 90,
                        "present", List.of(plain.id().toString()))));
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        assertThat(session.json().get("attendance").get(plain.id().toString()).asBoolean())
                .isTrue();
        assertThat(session.json()
                        .get("attendance")
                        .get(neighbour.id().toString())
                        .asBoolean())
                .isFalse();
        JsonNode roster = api.get("/api/v1/groups/" + id, lea).json();
        assertThat(roster.get("members")).hasSize(2);
        assertThat(api.get("/api/v1/groups/" + id, api.demoToken("peer2")).status())
                .isEqualTo(403);
        // Someone who is not a member cannot be marked present.
        assertThat(api.post(
                                "/api/v1/groups/" + id + "/sessions",
                                lea,
                                Api.json(Map.of(
                                        "heldOn", LocalDate.now().toString(),
                                        "durationMinutes", 60,
                                        "present", List.of(barred.id().toString()))))
                        .status())
                .isEqualTo(400);
        // A new leader with a no-contact restriction towards a member is refused.
        Person other = person("Omer Other " + tag, Role.PEER_WORKER, null);
        relate(privacy, "NO_CONTACT", other, plain);
        assertThat(api.put(
                                "/api/v1/groups/" + id + "/leader",
                                supervisor,
                                Api.json(Map.of("leaderId", other.id().toString())))
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/groups/" + id, lea)
                        .json()
                        .get("group")
                        .get("leaderId")
                        .asString())
                .isEqualTo(leader.id().toString());
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        api = new Api(port);
        String supervisor = api.demoToken("supervisor");
        String peer = api.demoToken("peer");
        String julie = personId("Julie Roy");
        String program = peerProgram().id().toString();
        long referrals = count("referral");
        List<String> badReferrals = List.of(
                "{",
                "{}",
                "{\"personId\":\"" + julie + "\",\"programId\":\"" + program + "\",\"reason\":\"hi\"}",
                "{\"personId\":\"" + julie + "\",\"programId\":\"" + program + "\",\"reason\":\"" + "x".repeat(2001)
                        + "\"}",
                "{\"personId\":\"" + julie + "\",\"programId\":\"" + program
                        + "\",\"reason\":\"A fine reason\",\"languages\":[\"english!\"]}",
                "{\"personId\":\"" + julie + "\",\"programId\":\"" + program
                        + "\",\"reason\":\"A fine reason\",\"livedExperience\":[\"ASTROLOGY\"]}",
                "{\"personId\":\"" + julie + "\",\"programId\":\"" + UUID.randomUUID()
                        + "\",\"reason\":\"A fine reason\"}",
                "{\"personId\":\"" + UUID.randomUUID() + "\",\"programId\":\"" + program
                        + "\",\"reason\":\"A fine reason\"}");
        for (String body : badReferrals) {
            Api.Response r = api.post("/api/v1/referrals", supervisor, body);
            assertThat(r.status()).as(body).isIn(400, 404);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(count("referral")).isEqualTo(referrals);

        long interactions = count("interaction");
        String path = "/api/v1/people/" + julie + "/interactions";
        List<String> badInteractions = List.of(
                "{\"kind\":\"TELEPATHY\",\"durationMinutes\":10}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":0}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":721}",
                "{\"kind\":\"ONE_TO_ONE\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"occurredOn\":\""
                        + LocalDate.now().plusDays(2) + "\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"occurredOn\":\"last tuesday\"}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"topics\":[\"GOSSIP\"]}",
                "{\"kind\":\"ONE_TO_ONE\",\"durationMinutes\":30,\"note\":\"" + "x".repeat(2001) + "\"}",
                "[1,2]");
        for (String body : badInteractions) {
            Api.Response r = api.post(path, peer, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.contentType()).as(body).contains("problem+json");
        }
        assertThat(count("interaction")).isEqualTo(interactions);

        assertThat(api.put("/api/v1/me/peer-profile", peer, "{\"capacity\":99,\"accepting\":true}")
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/me/peer-profile", supervisor, "{\"capacity\":5,\"accepting\":true}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/language/check", peer, Api.json(Map.of("text", "x".repeat(10_001))))
                        .status())
                .isEqualTo(400);
        assertThat(api.put("/api/v1/language/phrases", peer, "[]").status()).isEqualTo(403);
        assertThat(api.put(
                                "/api/v1/language/phrases",
                                supervisor,
                                "[{\"lang\":\"de\",\"phrase\":\"x y\",\"suggestion\":\"z\"}]")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/referrals/" + UUID.randomUUID(), supervisor).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/referrals/not-a-uuid", supervisor).status()).isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/groups",
                                supervisor,
                                Api.json(Map.of(
                                        "programId",
                                        program,
                                        "name",
                                        "G",
                                        "meetsOn",
                                        "FUNDAY",
                                        "leaderId",
                                        personId("Rosa Díaz"))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void badFormsShowAClearMessageAndChangeNothing() {
        String julie = personId("Julie Roy");
        String program = peerProgram().id().toString();
        long referrals = count("referral");
        long interactions = count("interaction");
        org.mutuality.test.BrowserSession supervisor =
                org.mutuality.test.BrowserSession.signIn(port, "supervisor", Api.DEMO_PASSWORD);
        supervisor.get("/referrals/new?person=" + julie);
        var tooShort = supervisor.post("/referrals", Map.of("personId", julie, "programId", program, "reason", "hi"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body())
                .contains("reason must be at least 5 characters")
                .contains("Why peer support could help");
        var badLanguage = supervisor.post(
                "/referrals",
                Map.of("personId", julie, "programId", program, "reason", "A fine reason", "languages", "français"));
        assertThat(badLanguage.statusCode()).isEqualTo(400);
        assertThat(badLanguage.body()).contains("ISO 639");
        var noPerson = supervisor.post("/referrals", Map.of("programId", program, "reason", "A fine reason"));
        assertThat(noPerson.statusCode()).isEqualTo(400);
        assertThat(count("referral")).isEqualTo(referrals);

        org.mutuality.test.BrowserSession peer =
                org.mutuality.test.BrowserSession.signIn(port, "peer", Api.DEMO_PASSWORD);
        assertThat(peer.get("/support/participants/" + julie).body()).contains("Record a contact");
        for (Map<String, String> form : List.of(
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "half an hour"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "0"),
                Map.of("kind", "DANCING", "durationMinutes", "30"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "30", "occurredOn", "yesterday"),
                Map.of("kind", "ONE_TO_ONE", "durationMinutes", "30", "nextMeeting", "2020-01-01T10:00"))) {
            var saved = peer.post("/support/participants/" + julie + "/interactions", form);
            assertThat(saved.statusCode()).as(form.toString()).isEqualTo(302);
            var page = peer.get("/support/participants/" + julie);
            assertThat(page.body()).as(form.toString()).contains("role=\"alert\"");
        }
        assertThat(count("interaction")).isEqualTo(interactions);
        var profile = peer.post("/support/profile", Map.of("capacity", "lots", "accepting", "true"));
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(peer.get("/support/profile").body()).contains("capacity must be a whole number");
    }

    @Test
    void theDemoAgencyShowsReferralsInEveryStateInteractionsAndGroups() {
        List<String> statuses = jdbc.sql("select distinct status from referral")
                .query(String.class)
                .list();
        assertThat(statuses).contains("RECEIVED", "OFFERED", "ACCEPTED", "DECLINED", "CLOSED");
        assertThat(jdbc.sql("select count(distinct occurred_on) from interaction")
                        .query(Integer.class)
                        .single())
                .isGreaterThan(15);
        api = new Api(port);
        JsonNode day = api.get("/api/v1/me/day", api.demoToken("peer")).json();
        assertThat(day.get("referralsWaitingForMe")).isNotEmpty();
        assertThat(day.get("groupsToday")).isNotEmpty();
        JsonNode juliesOwn = api.get(
                        "/api/v1/people/" + personId("Julie Roy") + "/interactions", api.demoToken("participant"))
                .json();
        assertThat(juliesOwn.get("basis").asString()).isEqualTo("SELF");
        assertThat(juliesOwn.get("interactions").size()).isGreaterThan(5);
    }

    private Person person(String name, Role role, @Nullable String username) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Program program = peerProgram();
        Person p = directory.register(
                agency,
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(role, program.id(), null, LocalDate.now().minusDays(1), null)));
        if (username != null) {
            directory.openAccount(agency, p.id(), username, PASSWORD);
        }
        return p;
    }

    private Program peerProgram() {
        return directory.programs(directory.demoAgency().orElseThrow()).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
    }

    private void relate(String token, String kind, Person a, Person b) {
        relate(token, kind, a, b, "PARTIES");
    }

    private void relate(String token, String kind, Person a, Person b, String visibility) {
        Api.Response r = api.post(
                "/api/v1/relationships",
                token,
                Api.json(Map.of(
                        "kind",
                        kind,
                        "personAId",
                        a.id().toString(),
                        "personBId",
                        b.id().toString(),
                        "visibility",
                        visibility)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String status(String referral) {
        return jdbc.sql("select status from referral where id = :id")
                .param("id", UUID.fromString(referral))
                .query(String.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long denied(String username) {
        return jdbc.sql("""
                        select count(*) from audit_entry e join user_account a on a.person_id = e.actor_id
                        where a.username = :u and e.outcome = 'DENIED'
                        """).param("u", username).query(Long.class).single();
    }

    private int notices(String person, String kind) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = :k")
                .param("p", UUID.fromString(person))
                .param("k", kind)
                .query(Integer.class)
                .single();
    }

    private String supervisor() {
        return personId("Samuel Okafor");
    }

    private String personId(String legalName) {
        return org.mutuality.test.Demo.personId(jdbc, legalName);
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
