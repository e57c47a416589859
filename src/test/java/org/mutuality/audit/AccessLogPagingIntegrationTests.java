package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person's access log in pages of 50: entries recorded in the same moment as the last one of a
 * page are on the next page, never skipped, and a cursor that is not one is a plain refusal.
 */
@IntegrationTest
class AccessLogPagingIntegrationTests {

    private static final Pattern OLDER = Pattern.compile("href=\"(/me/access-log\\?before=[^\"]+)\"");

    @Autowired
    TestAgency demo;

    @Autowired
    AuditStore store;

    @Test
    void pagesThroughEntriesOfTheSameMomentWithoutSkippingAny() {
        TestAgency own = demo.inAgency("paging");
        Person reader = own.person("Rae Reader").role(Role.PEER_WORKER).create();
        Person subject = own.person("Sol Subject")
                .role(Role.PARTICIPANT)
                .account("sol-" + TestAgency.tag())
                .create();
        Instant moment = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 55; i++) {
            store.insert(
                    AuditEvent.by(own.signedIn(reader), AuditAction.READ, AuditOutcome.ALLOWED)
                            .about(subject.id().value(), "SUPPORT_NOTES", "note-" + i)
                            .because("SUPPORT", "ASSIGNMENT"),
                    moment);
        }
        BrowserSession session = own.browser(subject);

        // The API pages the same way, 50 to a page here, the next named by a Link header.
        String token = own.token(subject);
        Api api = own.api();
        Api.Response firstPage = api.get("/api/v1/me/access-log?limit=50", token);
        assertThat(firstPage.json()).hasSize(50);
        Api.Response secondPage = api.get(firstPage.next(), token);
        java.util.Set<String> ids = new java.util.HashSet<>();
        firstPage.json().forEach(e -> ids.add(e.get("id").asString()));
        secondPage.json().forEach(e -> ids.add(e.get("id").asString()));
        assertThat(ids).as("every entry once, own acts included").hasSizeGreaterThanOrEqualTo(55);
        assertThat(api.get("/api/v1/me/access-log?limit=0", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log?limit=501", token).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/me/access-log?before=yesterday", token).status())
                .isEqualTo(400);

        String first = session.get("/me/access-log").body();
        Matcher older = OLDER.matcher(first);
        assertThat(older.find()).as("a link to older entries").isTrue();
        String second = session.get(older.group(1).replace("&amp;", "&")).body();

        assertThat(count(first) + count(second)).isEqualTo(55);
        assertThat(session.get("/me/access-log?before=yesterday").statusCode()).isEqualTo(400);
        assertThat(session.get("/me/access-log?before=2026-12-01T00:00:00Z_not-an-id")
                        .statusCode())
                .isEqualTo(400);
    }

    private static int count(String page) {
        return page.split("Rae Reader read your support notes", -1).length - 1;
    }
}
