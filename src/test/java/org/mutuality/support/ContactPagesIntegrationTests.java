package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
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
 * A participant's support record comes a page at a time, newest first (issue 20): every current
 * contact once, an amended one as its latest version with the earlier ones beside it, the whole
 * record's count and minutes on every page, and each page read through the guard.
 */
@IntegrationTest
class ContactPagesIntegrationTests {

    private static final int RECORDED = 65;

    @Autowired
    TestAgency agency;

    Api api;
    Person participant;
    String peer;
    String participantToken;
    String amended;

    @BeforeEach
    void aPeerWorkerRecordsManyContacts() {
        api = agency.api();
        String tag = TestAgency.tag();
        Person worker = agency.person("Pat Pager " + tag)
                .role(Role.PEER_WORKER)
                .account()
                .create();
        participant = agency.person("Quinn Pages " + tag)
                .role(Role.PARTICIPANT)
                .account()
                .create();
        agency.relate(agency.demoToken("supervisor"), "SUPPORTS", worker.id(), participant.id());
        peer = agency.token(worker);
        participantToken = agency.token(participant);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDED; i++) {
            Api.Response contact = api.post(
                    contacts(),
                    peer,
                    Api.json(Map.of(
                            "kind",
                            "PHONE_CALL",
                            "durationMinutes",
                            10,
                            "occurredOn",
                            agency.today().minusDays(i % 4).toString(),
                            "note",
                            "Call " + i)));
            assertThat(contact.status()).as(contact.body()).isEqualTo(201);
            ids.add(contact.json().get("id").asString());
        }
        amended = ids.get(7);
        for (int minutes : List.of(20, 30)) {
            Api.Response amendment = api.post(
                    "/api/v1/interactions/" + amended + "/amend",
                    peer,
                    Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", minutes, "note", "Call 7, corrected")));
            assertThat(amendment.status()).as(amendment.body()).isEqualTo(201);
            amended = amendment.json().get("id").asString();
        }
    }

    @Test
    void pagesThroughEveryCurrentContactOnceWithTheWholeRecordsTotals() {
        List<String> notes = new ArrayList<>();
        String next = contacts();
        int pages = 0;
        while (next != null) {
            Api.Response page = api.get(next, participantToken);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("contacts").asInt()).isEqualTo(RECORDED);
            assertThat(body.get("minutes").asInt()).isEqualTo((RECORDED - 1) * 10 + 30);
            for (JsonNode contact : body.get("interactions")) {
                notes.add(contact.get("note").asString());
                if (contact.get("id").asString().equals(amended)) {
                    assertThat(contact.get("earlierVersions")).hasSize(2);
                    assertThat(contact.get("earlierVersions")
                                    .get(0)
                                    .get("durationMinutes")
                                    .asInt())
                            .isEqualTo(20);
                }
            }
            next = body.get("next").isNull() ? null : body.get("next").asString();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(notes).hasSize(RECORDED);
        assertThat(new HashSet<>(notes))
                .hasSize(RECORDED)
                .contains("Call 7, corrected")
                .doesNotContain("Call 7");
    }

    @Test
    void twoAmendmentsOfOneEntryBothKeepTheOriginal() {
        String original = api.get(contacts() + "?limit=1", peer)
                .json()
                .get("interactions")
                .get(0)
                .get("id")
                .asString();
        for (String fork : List.of("Fork a", "Fork b")) {
            assertThat(api.post(
                                    "/api/v1/interactions/" + original + "/amend",
                                    peer,
                                    Api.json(Map.of("kind", "PHONE_CALL", "durationMinutes", 10, "note", fork)))
                            .status())
                    .isEqualTo(201);
        }
        int forks = 0;
        for (JsonNode contact : api.get(contacts() + "?limit=200", peer).json().get("interactions")) {
            if (contact.get("note").asString().startsWith("Fork")) {
                assertThat(contact.get("earlierVersions")).hasSize(1);
                assertThat(contact.get("earlierVersions").get(0).get("id").asString())
                        .isEqualTo(original);
                forks++;
            }
        }
        assertThat(forks).isEqualTo(2);
    }

    @Test
    void refusesABadPageAndOpensNothingToSomeoneElse() {
        Api.Response first = api.get(contacts() + "?limit=5", peer);
        String next = first.json().get("next").asString();
        String after = next.substring(next.indexOf("after=") + "after=".length());
        for (String bad : List.of("?limit=0", "?limit=500", "?after=nope", "?after=" + "x".repeat(301))) {
            assertThat(api.get(contacts() + bad, peer).status()).as(bad).isEqualTo(400);
        }
        for (String stranger : List.of("peer2", "researcher", "admin")) {
            Api.Response refused = api.get(contacts() + "?after=" + after, agency.demoToken(stranger));
            assertThat(refused.status()).as(stranger).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("Call ");
        }
    }

    @Test
    void thePageShowsThirtyAndALinkToOlderContacts() {
        var browser = agency.browser(participant);
        var first = browser.get("/support/participants/" + participant.id());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains(RECORDED + " contacts");
        String link = first.body()
                .replaceAll("(?s).*href=\"([^\"]*after=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var older = browser.get(link);
        assertThat(older.statusCode()).isEqualTo(200);
        assertThat(older.body()).contains("Back to the newest").contains("Older contacts");
    }

    private String contacts() {
        return "/api/v1/people/" + participant.id() + "/interactions";
    }
}
