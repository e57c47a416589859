package org.mutuality.home;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page a demo account can reach by following links, read in French: no date in the ISO form
 * a database writes ("2026-11-20"), no "UTC", no internal code such as {@code SUPPORT_NOTES} in
 * the words on the screen. What people typed (text areas) and the conflict policy's own text are
 * left out: they are the reader's words, not the page's.
 */
@IntegrationTest
class FrenchPagesIntegrationTests {

    private static final int MOST_PAGES = 200;
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d\\d-\\d\\d-\\d\\d\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]{2,})+\\b");
    private static final Pattern UTC = Pattern.compile("\\bUTC\\b");
    private static final Pattern NOT_READ =
            Pattern.compile("(?s)<(script|style|textarea|pre|code)\\b.*?</\\1>|<title>.*?</title>|<[^>]*>");

    @Autowired
    TestAgency agency;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin",
                "privacy",
                "supervisor",
                "psychiatrist",
                "peer",
                "volunteer",
                "researcher",
                "manager",
                "clinic-lead",
                "participant"
            })
    void everyPageReadsInFrenchWithLocalDatesAndWithoutCodes(String username) {
        BrowserSession session = agency.demoBrowser(username);
        session.get("/?lang=fr");
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>();
        next.add("/");
        SoftAssertions softly = new SoftAssertions();
        while (!next.isEmpty() && seen.size() < MOST_PAGES) {
            String path = next.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> response = session.get(path);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/html")) {
                continue;
            }
            String text = NOT_READ.matcher(response.body()).replaceAll(" ");
            for (Pattern wrong : new Pattern[] {ISO_DATE, UTC, CODE}) {
                Matcher m = wrong.matcher(text);
                if (m.find()) {
                    softly.fail(username + " " + path + " shows '" + m.group() + "' in: …"
                            + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 20))
                                    .replaceAll("\\s+", " ")
                            + "…");
                }
            }
            Matcher link = LINK.matcher(response.body());
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                if (followed(target) && !seen.contains(target)) {
                    next.add(target);
                }
            }
        }
        softly.assertThat(seen).as("pages reached by " + username).hasSizeGreaterThan(8);
        softly.assertAll();
    }

    /** Pages only: not a download, not a sign-out, not a change of language, not the API. */
    private static boolean followed(String path) {
        return !path.startsWith("/api/")
                && !path.startsWith("/logout")
                && !path.startsWith("/css/")
                && !path.startsWith("/js/")
                && !path.contains("lang=")
                && !path.matches(".*\\.(pdf|csv|json|ics|png|svg|ico|js|css)(\\?.*)?$")
                && !path.contains("/download")
                && !path.contains("/export")
                && !path.contains("/certificate");
    }
}
