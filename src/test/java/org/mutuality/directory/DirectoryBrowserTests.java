package org.mutuality.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator signs in, finds a person, and gives them a role, in real Chromium. */
@IntegrationTest
class DirectoryBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void signsInSearchesAPersonAndAddsARole() {
        String surname = "Fairweather" + Long.toString(System.nanoTime(), 36);
        agency.person("Morgan " + surname)
                .pronouns("she/her")
                .roleAcrossAgency(Role.PARTICIPANT)
                .create();
        Page page = browser.newPage(Browser.DESKTOP);
        List<String> consoleErrors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });

        page.navigate(browser.url("/people"));
        assertThat(page).hasURL(browser.url("/login"));
        Browser.assertAccessible(page);
        Browser.submitSignIn(page, "admin", Api.DEMO_PASSWORD);

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("People")))
                .isVisible();
        Browser.assertAccessible(page);

        page.getByLabel("Name").fill(surname);
        assertThat(page.locator("#results")).containsText("One person");
        assertThat(page).hasURL(Pattern.compile(".*q=" + surname + ".*"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Morgan " + surname))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Morgan " + surname)))
                .isVisible();
        Browser.assertAccessible(page);
        page.locator("#role").selectOption("VOLUNTEER_PEER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the role"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The role was added.");
        assertThat(page.locator("table.roles")).containsText("Volunteer peer");
        assertThat(page.locator("table.roles")).containsText("Participant");
        Browser.assertAccessible(page);
        assertThat(consoleErrors).as("console errors, such as CSP violations").isEmpty();
    }

    @Test
    void showsTheDirectoryInFrenchOnAPhone() {
        Page page = browser.newPage(Browser.PHONE);
        page.navigate(browser.url("/login?lang=fr"));
        assertThat(page.getByLabel("Nom d’utilisateur")).isVisible();
        assertThat(page.getByLabel("Mot de passe")).isVisible();
        Browser.submitSignIn(page, "supervisor", Api.DEMO_PASSWORD);

        page.navigate(browser.url("/people?q=jordan"));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personnes")))
                .isVisible();
        assertThat(page.locator("#results")).containsText("Pair aidant·e");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        Browser.assertAccessible(page);
        assertThat(page.locator("#results").textContent()).doesNotContain("peer@example.org");
    }
}
