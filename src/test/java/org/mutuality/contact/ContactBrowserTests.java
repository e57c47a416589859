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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
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

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Autowired
    TestAgency agency;

    @Autowired
    MutableClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aParticipantWritingAfterHoursSeesTheResourcesAtOnce() {
        String tag = TestAgency.tag();
        Person peer = agency.person("Noor Night " + tag).role(Role.PEER_WORKER).create();
        Person participant = agency.person("Sam Saturday " + tag)
                .role(Role.PARTICIPANT)
                .account("sam-" + tag)
                .create();
        agency.relate(agency.demoToken("supervisor"), "SUPPORTS", peer.id(), participant.id());

        clock.setTo(LocalDate.ofInstant(clock.instant(), TORONTO)
                .plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                .atTime(LocalTime.of(22, 30))
                .atZone(TORONTO)
                .toInstant());
        Page page = browser.signIn("sam-" + tag, TestAgency.PASSWORD);
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
