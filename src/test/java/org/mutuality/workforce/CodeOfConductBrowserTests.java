package org.mutuality.workforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Role;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager publishes a new version of the code of conduct; a peer worker who signs in afterwards is
 * taken to the attestation page, cannot reach another page but can reach the crisis resources, and
 * attests, then goes on. In an agency of its own, so the demo's staff are never held.
 */
@IntegrationTest
class CodeOfConductBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency fixture;

    String managerName;
    String peerName;

    @BeforeEach
    void aManagerAndAPeerWorker() {
        String tag = TestAgency.tag();
        TestAgency own = fixture.inAgency("Conduct browser");
        managerName = "cal-" + tag;
        peerName = "quinn-" + tag;
        own.person("Cal Manager " + tag)
                .roleAcrossAgency(Role.MANAGER)
                .account(managerName)
                .create();
        own.person("Quinn Peer " + tag).role(Role.PEER_WORKER).account(peerName).create();
    }

    @Test
    void holdsAPeerWorkerAtTheNewVersionUntilTheyAttestButLeavesTheCrisisPageOpen() {
        Page manager = browser.signIn(managerName, TestAgency.PASSWORD, Browser.DESKTOP);
        Browser.openMenu(manager);
        manager.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Code of conduct").setExact(true))
                .click();
        assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We meet as equals")))
                .isVisible();
        Browser.assertAccessible(manager);
        manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publish a new version"))
                .click();
        Browser.assertAccessible(manager);
        String english = manager.getByLabel("Text in English").inputValue();
        manager.getByLabel("Text in English").fill(english + "\n\n## Birthdays\n\n- We send a card, never a gift.");
        String french = manager.getByLabel("Text in French").inputValue();
        manager.getByLabel("Text in French").fill(french + "\n\n## Anniversaires\n\n- Une carte, jamais un cadeau.");
        manager.getByLabel("Why you publish this version").fill("Adds what we do for birthdays");
        manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this version"))
                .click();
        assertThat(manager.getByRole(AriaRole.STATUS)).containsText("The new version is published");
        assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Birthdays")))
                .isVisible();

        Page peer = browser.signIn(peerName, TestAgency.PASSWORD, Browser.DESKTOP);
        assertThat(peer).hasURL(Pattern.compile(".*/code-of-conduct/attest$"));
        assertThat(peer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Read the code of conduct")))
                .isVisible();
        assertThat(peer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Birthdays")))
                .isVisible();
        Browser.assertAccessible(peer);

        peer.navigate(browser.url("/people"));
        assertThat(peer).hasURL(Pattern.compile(".*/code-of-conduct/attest$"));
        peer.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Need help now? Contact and crisis resources"))
                .click();
        assertThat(peer).hasURL(Pattern.compile(".*/contact/form$"));
        peer.goBack();
        assertThat(peer).hasURL(Pattern.compile(".*/code-of-conduct/attest$"));

        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have read version 2 and will follow it"))
                .click();
        assertThat(peer).hasURL(browser.url("/"));
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("your attestation is recorded");
        peer.navigate(browser.url("/people"));
        assertThat(peer).hasURL(browser.url("/people"));
    }
}
