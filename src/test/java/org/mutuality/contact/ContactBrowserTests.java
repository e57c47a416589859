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
import org.mutuality.test.Api;
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
        Browser.openMenu(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Messages").setExact(true))
                .click();

        // The resources are there before anything is sent, each number one tap away, and when the
        // program reopens.
        assertThat(page.locator(".crisis")).containsText("9-8-8");
        assertThat(page.locator(".crisis a[href='tel:988']")).hasText("9-8-8");
        assertThat(page.locator(".crisis a[href='tel:18006686868']")).isVisible();
        assertThat(page.locator(".crisis")).containsText("It reopens Monday");
        Browser.assertAccessible(page);
        page.getByLabel("Your message").fill("I am having a hard night and wanted to tell someone.");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The program is closed now");
        assertThat(page.locator(".crisis a[href='tel:911']")).isVisible();
        assertThat(page.locator("article.note").first()).containsText("hard night");
        assertThat(page.locator("article.note").first()).containsText("after hours");
        Browser.assertAccessible(page);
    }

    @Test
    void anyoneReachesTheCrisisLinesAtEveryHourWithoutSigningIn() {
        clock.setTo(LocalDate.ofInstant(clock.instant(), TORONTO)
                .plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY))
                .atTime(LocalTime.of(11, 0))
                .atZone(TORONTO)
                .toInstant());
        Page page = browser.newPage(Browser.PHONE);
        page.navigate(browser.url("/contact/crisis"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("If you need help now")))
                .isVisible();
        assertThat(page.locator("a[href='tel:988']")).hasText("9-8-8");
        assertThat(page.locator("a[href='tel:911']")).isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(390);
        Browser.assertAccessible(page);

        Page signedIn = browser.signIn("participant", Api.DEMO_PASSWORD);
        signedIn.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Need help now?"))
                .click();
        assertThat(signedIn.locator("a[href='tel:988']")).isVisible();
    }
}
