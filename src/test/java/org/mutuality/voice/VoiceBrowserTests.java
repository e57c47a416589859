package org.mutuality.voice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Role;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant, on a phone, adds a goal to their recovery plan from their home screen, edits it,
 * then opens their crisis plan from the home screen, writes what helps and opens the printable
 * version.
 */
@IntegrationTest
class VoiceBrowserTests {

    static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    String username;

    @BeforeEach
    void aParticipant() {
        username = "rae-" + TestAgency.tag();
        agency.person("Rae Recovery " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .account(username)
                .create();
    }

    @Test
    void editsAGoalAndOpensTheCrisisPlanFromHome() {
        Page page = browser.signIn(username, TestAgency.PASSWORD);
        page.navigate(browser.url("/"));
        page.locator("#my-recovery-plan").click();
        Browser.assertAccessible(page);

        Locator newGoal = page.locator("#new-goal");
        newGoal.getByLabel("My goal, in my words", new Locator.GetByLabelOptions().setExact(true))
                .fill("Get back to painting.");
        newGoal.getByLabel("Part of my life").selectOption("MEANING");
        newGoal.getByLabel("Step 1", new Locator.GetByLabelOptions().setExact(true))
                .fill("Find the art room's hours");
        newGoal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this goal"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your goal was saved.");
        assertThat(page.locator("main")).containsText("Find the art room's hours");

        Locator goal = page.locator("article.goal").first();
        goal.locator("summary").click();
        goal.getByLabel("My goal, in my words", new Locator.GetByLabelOptions().setExact(true))
                .fill("Paint once a week.");
        goal.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this goal"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your goal was saved.");
        assertThat(page.locator("article.goal h2")).hasText("Paint once a week.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Earlier versions"))
                .click();
        assertThat(page.locator("main")).containsText("Get back to painting.");
        Browser.assertAccessible(page);

        page.navigate(browser.url("/"));
        page.locator("#my-crisis-plan").click();
        page.getByLabel("What helps me", EXACT).fill("Tea, and someone sitting with me.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my crisis plan"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your crisis plan was saved.");
        Browser.assertAccessible(page);
        page.locator("#print-crisis-plan").click();
        assertThat(page.locator("main h1")).containsText("Wellness and crisis plan of");
        assertThat(page.locator("main")).containsText("Tea, and someone sitting with me.");
        Browser.assertAccessible(page);
    }
}
