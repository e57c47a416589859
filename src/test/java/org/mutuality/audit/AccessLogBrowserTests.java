package org.mutuality.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Who looked at my record", on a phone: Jordan sees in a plain sentence that the psychiatrist looked
 * at their profile; Julie, a participant, reads that her peer worker read her support notes and that
 * a colleague was stopped, in English and in French, at local time, without a code, "UTC" or a page
 * wider than the phone; her own sign-ins show only when she asks for them.
 */
@IntegrationTest
class AccessLogBrowserTests {

    /** What a code looks like on a page: two or more capital words joined by underscores, or a raw outcome. */
    static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b|\\bDENIED\\b|\\bALLOWED\\b|\\bREAD · ");

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void showsAPersonWhoLookedAtTheirRecordInASentence() {
        agency.api().get("/api/v1/people/" + agency.demoPerson("Jordan Lee"), agency.demoToken("psychiatrist"));

        Page page = browser.signIn("peer", Api.DEMO_PASSWORD);
        Browser.openMenu(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My account").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who looked at my record"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who looked at my record")))
                .isVisible();
        assertThat(page.locator("ol.access-log")).containsText("Hélène Tremblay read your profile.");
        Browser.assertAccessible(page);
    }

    @Test
    void readsToAParticipantInWordsAtLocalTimeOnAPhone() {
        String julie = agency.demoPerson("Julie Roy").toString();
        agency.api().get("/api/v1/people/" + julie + "/notes?kind=SUPPORT_NOTES", agency.demoToken("peer"));
        agency.api().get("/api/v1/people/" + julie + "/notes?kind=CARE_NOTES", agency.demoToken("peer2"));

        Page page = browser.signIn("participant", Api.DEMO_PASSWORD);
        page.navigate(browser.url("/me/access-log"));

        String text = page.locator("main").innerText();
        assertThat(page.locator("ol.access-log")).containsText("Jordan Lee read your support notes.");
        assertThat(page.locator("ol.access-log"))
                .containsText("Marc Gagnon tried to open your care notes and was stopped.");
        assertThat(text).doesNotContain("UTC");
        assertThat(CODE.matcher(text).find()).as(text).isFalse();
        assertThat(text).doesNotContain("You signed in");
        assertThat(widthOf(page)).isLessThanOrEqualTo(390);
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Also show what I did myself"))
                .click();
        assertThat(page.locator("ol.access-log")).containsText("You signed in to your account.");

        Browser.openMenu(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Français"))
                .click();
        String french = page.locator("main").innerText();
        assertThat(page.locator("ol.access-log")).containsText("Jordan Lee : lecture de vos notes de soutien.");
        assertThat(french).doesNotContain("UTC");
        assertThat(CODE.matcher(french).find()).as(french).isFalse();
        assertThat(widthOf(page)).isLessThanOrEqualTo(390);
    }

    private static int widthOf(Page page) {
        return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
    }
}
