package org.mutuality.contact;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** A participant writes to their peer worker on a Saturday night, on a phone, and sees the crisis resources at once. */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class ContactBrowserTests {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    static final String PASSWORD = "correct horse battery staple 42";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aParticipantWritingAfterHoursSeesTheResourcesAtOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        AgencyId agency = directory.demoAgency().orElseThrow();
        Program program = directory.programs(agency).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
        Person peer = directory.register(
                agency,
                new PersonDetails("Noor Night " + tag, null, null, null, null),
                List.of(new AssignRole(
                        Role.PEER_WORKER, program.id(), null, LocalDate.now().minusDays(1), null)));
        Person participant = directory.register(
                agency,
                new PersonDetails("Sam Saturday " + tag, null, null, null, null),
                List.of(new AssignRole(
                        Role.PARTICIPANT, program.id(), null, LocalDate.now().minusDays(1), null)));
        directory.openAccount(agency, participant.id(), "sam-" + tag, PASSWORD);
        Api api = new Api(port);
        api.post(
                "/api/v1/relationships",
                api.demoToken("supervisor"),
                Api.json(Map.of(
                        "kind",
                        "SUPPORTS",
                        "personAId",
                        peer.id().toString(),
                        "personBId",
                        participant.id().toString())));

        clock.setTo(LocalDate.now(TORONTO)
                .plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                .atTime(LocalTime.of(22, 30))
                .atZone(TORONTO)
                .toInstant());
        Page page = browser.newPage(390, 844);
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("User name").fill("sam-" + tag);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Messages").setExact(true))
                .click();

        // The resources are there before anything is sent.
        assertThat(page.locator(".after-hours")).containsText("9-8-8");
        Browser.assertAccessible(page);
        page.getByLabel("Your message").fill("I am having a hard night and wanted to tell someone.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The program is closed now");
        assertThat(page.locator(".after-hours")).containsText("911");
        assertThat(page.locator("article.note").first()).containsText("hard night");
        assertThat(page.locator("article.note").first()).containsText("after hours");
        Browser.assertAccessible(page);
    }
}
