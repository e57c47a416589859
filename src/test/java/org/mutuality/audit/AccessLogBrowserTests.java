package org.mutuality.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Jordan opens "who looked at my record" and sees that the psychiatrist looked at their profile. */
@IntegrationTest
class AccessLogBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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

    @Test
    void showsAPersonWhoLookedAtTheirRecord() {
        Api api = new Api(port);
        api.get("/api/v1/people/" + Demo.personId(jdbc, "Jordan Lee"), api.demoToken("psychiatrist"));

        Page page = browser.newPage(390, 844);
        page.navigate("http://localhost:" + port + "/login");
        page.getByLabel("User name").fill("peer");
        page.getByLabel("Password").fill(Api.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
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
