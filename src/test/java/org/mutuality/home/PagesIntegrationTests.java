package org.mutuality.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page renders for every demo account, in English and French, without an error. */
@IntegrationTest
class PagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(
            strings = {"admin", "privacy", "supervisor", "psychiatrist", "peer", "peer2", "volunteer", "researcher"})
    void rendersEveryPageForEveryDemoAccount(String username) {
        BrowserSession session = BrowserSession.signIn(port, username, Api.DEMO_PASSWORD);
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        String entry = jdbc.sql("select id from timesheet_entry order by created_at limit 1")
                .query(UUID.class)
                .single()
                .toString();
        List<String> pages = List.of(
                "/",
                "/people",
                "/people?q=lee&role=PEER_WORKER",
                "/people/" + jordan,
                "/people/" + jordan + "/relationships",
                "/people/" + jordan + "/notes",
                "/people/" + jordan + "/consent",
                "/me/access-log",
                "/audit",
                "/audit?verify=true",
                "/programs",
                "/account",
                "/timesheets",
                "/timesheets/" + entry,
                "/conflicts/policy",
                "/conflicts/policy/versions/0",
                "/conflicts/scan");
        for (String language : List.of("en", "fr")) {
            session.get("/?lang=" + language);
            for (String page : pages) {
                HttpResponse<String> response = session.get(page);
                assertThat(response.statusCode())
                        .as(username + " " + page + " (" + language + ")")
                        .isIn(200, 302, 403, 404);
                assertThat(response.body()).as(page).doesNotContain("Something went wrong", "Un problème est survenu");
            }
        }
    }
}
