package org.mutuality.workforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A peer worker, on a phone, writes a wellness plan from My account and shares one section with
 * their supervisor; the supervisor, from their work plan page, opens what the peer shares and reads
 * that section and nothing else. Then the peer confirms the description of their role, which their
 * home screen asked them to read.
 */
@IntegrationTest
class WellnessPlanBrowserTests {

    static final String KEEPS = "A walk by the river at lunch keeps me steady.";
    static final String SIGNS = "I go quiet in team meetings and stop eating lunch.";
    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    String tag;
    Person peer;

    @BeforeEach
    void aPeerWorkerWithASupervisor() {
        tag = TestAgency.tag();
        peer = agency.person("Willa Wellness " + tag)
                .role(Role.PEER_WORKER)
                .account("willa-" + tag)
                .create();
        Person supervisor = agency.person("Sid Supervises " + tag)
                .role(Role.SUPERVISOR)
                .account("sid-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), peer.id());
    }

    @Test
    void sharesOneSectionThatTheSupervisorAloneReads() {
        Page page = browser.signIn("willa-" + tag, TestAgency.PASSWORD);
        Browser.openMenu(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My account").setExact(true))
                .first()
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My wellness plan"))
                .click();
        Browser.assertAccessible(page);

        page.getByLabel("What keeps me well at work", EXACT).fill(KEEPS);
        page.getByLabel("Early signs that I am not so well", EXACT).fill(SIGNS);
        page.getByLabel("My supervisor may read “What keeps me well at work”").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my wellness plan"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your wellness plan is saved.");
        assertThat(page.getByLabel("Early signs that I am not so well", EXACT)).hasValue(SIGNS);

        Page sid = browser.signIn("sid-" + tag, TestAgency.PASSWORD);
        sid.navigate(browser.url("/work-plan"));
        sid.getByRole(AriaRole.LIST)
                .filter(new Locator.FilterOptions().setHasText("Willa Wellness " + tag))
                .getByRole(
                        AriaRole.LINK, new Locator.GetByRoleOptions().setName("what they share of their wellness plan"))
                .click();

        assertThat(sid.locator("main")).containsText(KEEPS);
        assertThat(sid.locator("main")).not().containsText(SIGNS);
        Browser.assertAccessible(sid);
    }

    @Test
    void confirmsTheRoleDescriptionTheHomeScreenAsksFor() {
        Page page = browser.signIn("willa-" + tag, TestAgency.PASSWORD);
        page.navigate(browser.url("/"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("What the role “Peer worker” does and does not do"))
                .click();
        Browser.assertAccessible(page);
        assertThat(page.locator("main")).containsText("involuntary interventions");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I received and read this description"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("your reading of this description is on record");
        page.navigate(browser.url("/"));
        assertThat(page.locator("main")).not().containsText("Please read the description of a role you hold");
    }
}
