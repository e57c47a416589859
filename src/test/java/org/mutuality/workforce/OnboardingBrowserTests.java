package org.mutuality.workforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * A supervisor, on a phone, starts a new peer worker's onboarding from the template and records a
 * first check-in; the peer worker's home screen then shows the plan's progress, and they tick the step
 * they own, which their supervisor's home screen counts.
 */
@IntegrationTest
class OnboardingBrowserTests {

    static final String NOTE = "First week: met the team, and we agreed when to call between meetings.";

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    String tag;
    Person peer;

    @BeforeEach
    void aNewPeerWorkerWithASupervisor() {
        tag = TestAgency.tag();
        peer = agency.person("Nell Newcomer " + tag)
                .role(Role.PEER_WORKER)
                .account("nell-" + tag)
                .create();
        Person supervisor = agency.person("Sol Supervises " + tag)
                .role(Role.SUPERVISOR)
                .account("sol-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), peer.id());
    }

    @Test
    void theSupervisorStartsThePlanAndThePersonTicksTheirStep() {
        Page sol = browser.signIn("sol-" + tag, TestAgency.PASSWORD);
        sol.navigate(browser.url("/onboarding"));
        sol.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nell Newcomer " + tag))
                .click();
        Browser.assertAccessible(sol);
        sol.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the onboarding plan"))
                .click();
        assertThat(sol.getByRole(AriaRole.STATUS)).containsText("Onboarding plan started.");
        assertThat(sol.locator("main")).containsText("Week 1: 0 of 7 steps done.");
        sol.getByLabel("What is worth keeping from it").fill(NOTE);
        sol.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the check-in"))
                .click();
        assertThat(sol.getByRole(AriaRole.STATUS)).containsText("Check-in saved.");
        assertThat(sol.locator("main")).containsText(NOTE);
        Browser.assertAccessible(sol);

        Page nell = browser.signIn("nell-" + tag, TestAgency.PASSWORD);
        nell.navigate(browser.url("/"));
        assertThat(nell.locator("#my-onboarding")).containsText("Week 1: 0 of 7 steps done.");
        nell.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open my onboarding plan"))
                .click();
        assertThat(nell.getByLabel("Meet the team")).isDisabled();
        nell.getByLabel("Read the code of conduct and attest to it").check();
        nell.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(nell.getByRole(AriaRole.STATUS)).containsText("Onboarding plan saved.");
        assertThat(nell.locator("main")).containsText("Week 1: 1 of 7 steps done.");
        assertThat(nell.locator("main")).containsText(NOTE);
        Browser.assertAccessible(nell);

        sol.navigate(browser.url("/"));
        assertThat(sol.locator("#onboarding-of")).containsText("Week 1: 1 of 7 steps done.");
    }
}
