package org.mutuality.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page for every demo account, in English and French: each answers with the status its reader
 * may expect, and none shows the error page.
 */
@IntegrationTest
class PagesIntegrationTests {

    /**
     * What each demo account gets on each page. {@code jordan} is Jordan Lee (peer worker and service
     * user of the clinic), {@code entry} a timesheet entry of Jordan's that the psychiatrist approves.
     * 404 where a reader may not know the record exists, 403 where the page itself is not theirs; a
     * participant who opens the directory is sent to their own record (302).
     */
    private static final String EXPECTED = """
            page                            admin privacy supervisor psychiatrist peer peer2 volunteer researcher manager clinic-lead participant
            /                                200    200      200          200      200   200     200       200        200      200        200
            /people                          200    200      200          200      200   200     200       200        200      200        302
            /people?q=lee&role=PEER_WORKER   200    200      200          200      200   200     200       200        200      200        302
            /people/{jordan}                 200    200      200          200      200   200     200       200        200      200        404
            /people/{jordan}/relationships   200    200      200          200      200   200     200       200        200      200        404
            /people/{jordan}/notes           403    403      403          200      200   403     403       403        403      403        404
            /people/{jordan}/consent         404    200      404          404      200   404     404       404        404      404        404
            /me/access-log                   200    200      200          200      200   200     200       200        200      200        200
            /audit                           403    200      403          403      403   403     403       403        403      403        403
            /audit?verify=true               403    200      403          403      403   403     403       403        403      403        403
            /programs                        200    200      200          200      200   200     200       200        200      200        200
            /account                         200    200      200          200      200   200     200       200        200      200        200
            /timesheets                      200    200      200          200      200   200     200       200        200      200        200
            /timesheets/{entry}              200    404      404          200      200   404     404       404        200      404        404
            /timesheets/weeks/{jordan}       404    404      200          200      200   404     404       404        404      404        404
            /conflicts/policy                200    200      200          200      200   200     200       200        200      200        403
            /conflicts/policy/versions/0     200    200      200          200      200   200     200       200        200      200        403
            /conflicts/scan                  403    200      403          403      403   403     403       403        403      403        403
            """;

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    static Stream<String> users() {
        List<String> header =
                List.of(EXPECTED.lines().findFirst().orElseThrow().trim().split("\\s+"));
        return header.subList(1, header.size()).stream();
    }

    @ParameterizedTest
    @MethodSource("users")
    void answersEveryPageWithTheStatusItsReaderMayExpect(String username) {
        BrowserSession session = agency.demoBrowser(username);
        List<String[]> rows = EXPECTED.lines().map(l -> l.trim().split("\\s+")).toList();
        int column = Arrays.asList(rows.get(0)).indexOf(username);
        String jordan = jordan();
        String entry = entry();
        SoftAssertions softly = new SoftAssertions();
        for (String language : List.of("en", "fr")) {
            session.get("/?lang=" + language);
            for (String[] row : rows.subList(1, rows.size())) {
                String page = row[0].replace("{jordan}", jordan).replace("{entry}", entry);
                HttpResponse<String> response = session.get(page);
                softly.assertThat(response.statusCode())
                        .as(username + " " + row[0] + " (" + language + ")")
                        .isEqualTo(Integer.parseInt(row[column]));
                softly.assertThat(response.body())
                        .as(username + " " + row[0] + " (" + language + ")")
                        .doesNotContain("Something went wrong", "Un problème est survenu");
            }
        }
        softly.assertAll();
    }

    @Test
    void sendsAParticipantFromTheDirectoryToTheirOwnRecord() {
        HttpResponse<String> response = agency.demoBrowser("participant").get("/people");

        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).endsWith("/people/" + agency.demoPerson("Julie Roy")));
    }

    private String jordan() {
        return agency.demoPerson("Jordan Lee").toString();
    }

    private String entry() {
        return jdbc.sql("select id from timesheet_entry where person_id = :p and activity = :a")
                .param("p", agency.demoPerson("Jordan Lee").value())
                .param("a", "Drop-in and one-to-one support")
                .query(UUID.class)
                .single()
                .toString();
    }
}
