package org.mutuality.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.DemoData;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An administrator signs in, finds a person, and gives them a role, in real Chromium. */
@IntegrationTest
class DirectoryBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

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
    void signsInSearchesAPersonAndAddsARole() {
        String surname = "Fairweather" + Long.toString(System.nanoTime(), 36);
        directory.register(
                DemoData.agency(jdbc),
                new PersonDetails("Morgan " + surname, null, "she/her", null, null),
                List.of(new AssignRole(Role.PARTICIPANT, null, null, LocalDate.of(2025, 2, 1), null)));
        Page page = browser.newPage(1280, 900);
        List<String> consoleErrors = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });

        page.navigate(base() + "/people");
        assertThat(page).hasURL(base() + "/login");
        Browser.assertAccessible(page);
        page.getByLabel("User name").fill("admin");
        page.getByLabel("Password").fill(Api.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("People")))
                .isVisible();
        Browser.assertAccessible(page);

        page.getByLabel("Name").fill(surname);
        assertThat(page.locator("#results")).containsText("One person");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=" + surname + ".*"));
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
        Page page = browser.newPage(390, 844);
        page.navigate(base() + "/login?lang=fr");
        page.getByLabel("Nom d’utilisateur").fill("supervisor");
        page.getByLabel("Mot de passe").fill(Api.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();

        page.navigate(base() + "/people?q=jordan");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Personnes")))
                .isVisible();
        assertThat(page.locator("#results")).containsText("Pair aidant·e");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        Browser.assertAccessible(page);
        assertThat(page.locator("#results").textContent()).doesNotContain("peer@example.org");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
