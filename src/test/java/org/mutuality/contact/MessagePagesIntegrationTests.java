package org.mutuality.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * A thread comes a page at a time (issue 20): the latest messages, oldest first as a conversation
 * reads, and a link to the earlier ones; each page is a read through the guard, and the same people
 * read it as before paging (the participant, the peer workers it was routed to), nobody else.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class) // the same application as the other contact tests, started once
class MessagePagesIntegrationTests {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private static final int SENT = 57;

    @Autowired
    TestAgency agency;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Api api;
    Person participant;
    Person peer;
    String participantToken;
    String peerToken;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @BeforeEach
    void aParticipantWritesManyMessages() {
        // in office hours, so that every message goes to the participant's own peer worker (out of
        // hours it would go to whoever is on duty, and the test would depend on the time it runs)
        LocalDate monday = LocalDate.ofInstant(clock.instant(), TORONTO)
                .plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        clock.setTo(monday.atTime(LocalTime.of(10, 0)).atZone(TORONTO).toInstant());
        api = agency.api();
        String tag = TestAgency.tag();
        peer = agency.person("Mo Messages " + tag)
                .role(Role.PEER_WORKER)
                .account()
                .create();
        participant = agency.person("Nell Pages " + tag)
                .role(Role.PARTICIPANT)
                .account()
                .create();
        agency.relate(agency.demoToken("supervisor"), "SUPPORTS", peer.id(), participant.id());
        participantToken = agency.token(participant);
        peerToken = agency.token(peer);
        for (int i = 0; i < SENT; i++) {
            Api.Response sent = api.post(
                    "/api/v1/me/messages", participantToken, Api.json(Map.of("text", "Message " + i + " " + tag)));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        }
    }

    @Test
    void pagesBackThroughTheWholeThreadOldestFirstOnEachPage() {
        for (String[] reader : new String[][] {
            {"/api/v1/me/messages", participantToken},
            {"/api/v1/people/" + participant.id() + "/messages?limit=20", null}
        }) {
            String token = reader[1] == null ? null : reader[1];
            List<String> pages = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            String next = reader[0];
            String as = token == null ? peerToken : token;
            while (next != null) {
                Api.Response page = api.get(next, as);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                List<Integer> onPage = new ArrayList<>();
                for (JsonNode m : page.json()) {
                    onPage.add(Integer.parseInt(m.get("text").asString().split(" ")[1]));
                }
                assertThat(onPage).as("oldest first within a page").isSorted();
                numbers.addAll(0, onPage);
                pages.add(next);
                next = page.next();
            }
            assertThat(numbers).as(reader[0]).hasSize(SENT).isSorted().doesNotHaveDuplicates();
            assertThat(pages).hasSize(token == null ? 3 : 2);
        }
    }

    @Test
    void refusesABadPageAndOpensNothingToSomeoneElse() {
        String next = api.get("/api/v1/me/messages?limit=5", participantToken).next();
        String before = next.substring(next.indexOf("before=") + "before=".length());
        for (String bad : List.of("?limit=0", "?limit=201", "?before=nope", "?before=" + "x".repeat(301))) {
            assertThat(api.get("/api/v1/me/messages" + bad, participantToken).status())
                    .as(bad)
                    .isEqualTo(400);
        }
        for (String stranger : List.of("peer2", "researcher", "admin")) {
            Api.Response refused = api.get(
                    "/api/v1/people/" + participant.id() + "/messages?before=" + before, agency.demoToken(stranger));
            assertThat(refused.status()).as(stranger).isIn(403, 404);
            assertThat(refused.body()).doesNotContain("Message ");
        }
    }

    @Test
    void theInboxPagesBackNewestFirstAndHoldsOnlyWhatWasRoutedToItsReader() {
        List<Integer> numbers = new ArrayList<>();
        List<Api.Response> pages = api.pages("/api/v1/messages/inbox?limit=20", peerToken);
        for (Api.Response page : pages) {
            for (JsonNode m : page.json()) {
                numbers.add(Integer.parseInt(m.get("text").asString().split(" ")[1]));
            }
        }
        assertThat(numbers)
                .hasSize(SENT)
                .doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(pages).hasSize(3);
        for (String bad : List.of("?limit=0", "?limit=201", "?before=nope")) {
            assertThat(api.get("/api/v1/messages/inbox" + bad, peerToken).status())
                    .as(bad)
                    .isEqualTo(400);
        }
        String older = api.get("/api/v1/messages/inbox?limit=5", peerToken).next();
        String before = older.substring(older.indexOf("before=") + "before=".length());
        for (String stranger : List.of("peer2", "supervisor", "admin")) {
            Api.Response theirs = api.get("/api/v1/messages/inbox?before=" + before, agency.demoToken(stranger));
            assertThat(theirs.status()).as(stranger).isEqualTo(200);
            assertThat(theirs.body())
                    .as(stranger)
                    .doesNotContain(participant.id().toString());
        }
        var browser = agency.browser(peer);
        var inbox = browser.get("/contact/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains("Older messages").doesNotContain("Back to the newest");
        String link = inbox.body()
                .replaceAll("(?s).*href=\"([^\"]*before=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var earlier = browser.get(link);
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(earlier.body()).contains("Back to the newest").doesNotContain("Older messages");
    }

    @Test
    void readingAPageMarksReadOnlyWhatItShows() {
        assertThat(api.get("/api/v1/people/" + participant.id() + "/messages?limit=5", peerToken)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from contact_message where participant_id = :p and read_at is not null")
                        .param("p", participant.id().value())
                        .query(Long.class)
                        .single())
                .as("only the five shown may be marked read")
                .isLessThanOrEqualTo(5);
    }

    @Test
    void aParticipantCannotAnswerTheirOwnThread() {
        long before = jdbc.sql("select count(*) from contact_message where participant_id = :p")
                .param("p", participant.id().value())
                .query(Long.class)
                .single();
        Api.Response refused = api.post(
                "/api/v1/people/" + participant.id() + "/messages",
                participantToken,
                Api.json(Map.of("text", "Is anyone there?")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("peer worker");
        assertThat(jdbc.sql("select count(*) from contact_message where participant_id = :p")
                        .param("p", participant.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void thePagesLinkToEarlierMessages() {
        var browser = agency.browser(participant);
        var mine = browser.get("/contact");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("Earlier messages").contains("Message " + (SENT - 1) + " ");
        String link = mine.body()
                .replaceAll("(?s).*href=\"([^\"]*before=[^\"]*)\".*", "$1")
                .replace("&amp;", "&");
        var earlier = browser.get(link);
        assertThat(earlier.statusCode()).isEqualTo(200);
        assertThat(earlier.body())
                .contains("Message 0 ")
                .contains("Back to the newest")
                .doesNotContain("Earlier messages");
    }
}
