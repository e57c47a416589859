package org.mutuality.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** Jordan opens "who looked at my record" and sees that the psychiatrist looked at their profile. */
@IntegrationTest
class AccessLogBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void showsAPersonWhoLookedAtTheirRecord() {
        agency.api().get("/api/v1/people/" + agency.demoPerson("Jordan Lee"), agency.demoToken("psychiatrist"));

        Page page = browser.signIn("peer", Api.DEMO_PASSWORD);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My account").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who looked at my record"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who looked at my record")))
                .isVisible();
        assertThat(page.locator("table.access-log")).containsText("Hélène Tremblay");
        assertThat(page.locator("table.access-log")).containsText("READ · PROFILE");
        Browser.assertAccessible(page);
    }
}
