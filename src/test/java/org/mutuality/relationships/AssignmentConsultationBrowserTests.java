package org.mutuality.relationships;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone-sized screen: Kim, a supervisor, records that Marc supports Louise, his friend, in the
 * register; the check asks to consult first, so Kim asks Cleo from the refusal, Cleo advises going
 * ahead with safeguards, and Kim goes back and records the assignment on that consultation, which the
 * register then names. Every page passes the axe-core check.
 */
@IntegrationTest
class AssignmentConsultationBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Autowired
    Directory directory;

    @Test
    void aRefusedAssignmentGoesAheadOnAConsultationAskedFromTheRefusal() {
        String tag = TestAgency.tag();
        // Louise and Cleo share a team, so Cleo is the first colleague offered among many.
        Team team = directory.createTeam(agency.id(), agency.peerSupport().id(), "Register team " + tag);
        Person louise = agency.person("Louise Friend " + tag)
                .role(Role.PARTICIPANT, team)
                .account("louise-" + tag)
                .create();
        agency.person("Cleo Consultant " + tag)
                .role(Role.SUPERVISOR, team)
                .account("cleo-" + tag)
                .create();
        Person marc = agency.person("Marc Friend " + tag).role(Role.PEER_WORKER).create();
        agency.person("Kim Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("kim-" + tag)
                .create();
        agency.relate(agency.demoToken("privacy"), "FRIEND", marc.id(), louise.id(), "STAFF");
        String registerUrl = browser.url("/people/" + louise.id() + "/relationships");

        // Kim records the assignment; the check asks to consult first.
        Page kim = browser.signIn("kim-" + tag, TestAgency.PASSWORD);
        kim.navigate(registerUrl);
        kim.locator("#record-a").selectOption(marc.id().toString());
        kim.locator("#record-kind").selectOption("SUPPORTS");
        kim.locator("#record-b").selectOption(louise.id().toString());
        button(kim, "Record").click();
        assertThat(kim.getByRole(AriaRole.ALERT)).containsText("Needs a consultation first");
        Browser.assertAccessible(kim);

        // From the refusal, Kim asks Cleo about exactly this assignment.
        kim.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask a colleague first (consultation)"))
                .click();
        kim.getByLabel("The situation")
                .fill("Marc and Louise have been friends for years; she asked for him as her peer worker.");
        Browser.assertAccessible(kim);
        button(kim, "Ask for advice").click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("Your consultation is open");
        button(kim, "Consult Cleo Consultant " + tag).click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("Your colleague was asked");
        String consultationUrl = kim.url().replaceFirst("\\?.*$", "");

        // Cleo advises going ahead, with safeguards.
        Page cleo = browser.signIn("cleo-" + tag, TestAgency.PASSWORD);
        cleo.navigate(consultationUrl);
        cleo.getByLabel("go ahead, with safeguards").check();
        cleo.getByLabel("Note").fill("It can work if they agree on limits first.");
        cleo.getByLabel("Safeguards, one a line").fill("Write a boundary agreement together");
        button(cleo, "Send my advice").click();
        assertThat(cleo.getByRole(AriaRole.STATUS)).containsText("Your advice was sent");

        // Kim goes back to the register and records the assignment on the consultation.
        kim.navigate(consultationUrl);
        kim.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go back and go ahead on this consultation"))
                .click();
        assertThat(kim.locator("main")).containsText("This goes ahead on the consultation you asked");
        Browser.assertAccessible(kim);
        button(kim, "Record it on the consultation").click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("The relationship was recorded");
        Locator row = kim.locator("table.relationships tr")
                .filter(new Locator.FilterOptions().setHasText("Supports (peer support)"));
        assertThat(row).containsText("Marc Friend " + tag);
        assertThat(row).containsText("Went ahead on a consultation.");
        assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Read the consultation")))
                .hasAttribute("href", consultationUrl.replaceFirst("^https?://[^/]+", ""));
        Browser.assertAccessible(kim);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
