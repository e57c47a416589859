package org.mutuality.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole path on a phone-sized screen: a clinician refers a person, the coordinator offers peer
 * support and records the person's choice among the suggestions, the peer worker accepts and records
 * the first contact with the quick-entry form, seeing the respectful-language helper on the way.
 * Every page passes the axe-core check.
 */
@IntegrationTest
class SupportBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(SupportBrowserTests.class);

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void referralSuggestionsChoiceAndFirstInteractionOnAPhone() {
        String tag = TestAgency.tag();
        // A language code nobody else in the shared test database speaks, so Quinn ranks first.
        String language = "z" + (char) ('a' + Math.floorMod(tag.hashCode(), 26))
                + (char) ('a' + Math.floorMod(tag.hashCode() / 26, 26));
        Person person = agency.person("Yara Referred " + tag)
                .pronouns("she/her")
                .roleAcrossAgency(Role.SERVICE_USER)
                .create();
        agency.person("Quinn Peer " + tag)
                .pronouns("they/them")
                .role(Role.PEER_WORKER)
                .account("quinn-" + tag)
                .create();
        agency.api()
                .put(
                        "/api/v1/me/peer-profile",
                        agency.token("quinn-" + tag),
                        "{\"languages\":[\"" + language + "\"],\"capacity\":5,\"accepting\":true}");

        // A clinician refers Yara.
        Page clinician = browser.signIn("psychiatrist", Api.DEMO_PASSWORD);
        clinician.navigate(browser.url("/referrals/new?person=" + person.id()));
        Browser.assertAccessible(clinician);
        clinician
                .getByLabel("Why peer support could help")
                .fill("Yara would like to meet someone who speaks her language.");
        clinician.getByLabel("Languages").fill(language);
        clinician
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the referral"))
                .click();
        assertThat(clinician.getByRole(AriaRole.STATUS)).containsText("The referral was sent");
        String referralUrl = clinician.url().replace("?made", "");

        // The coordinator offers peer support and records Yara's choice.
        Page coordinator = browser.signIn("supervisor", Api.DEMO_PASSWORD);
        coordinator.navigate(referralUrl);
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Peer support was offered to the person"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("peer support was offered");
        assertThat(coordinator.locator("ol.suggestions > li").first()).containsText("Quinn Peer " + tag);
        assertThat(coordinator.locator("ol.suggestions > li").first()).containsText("Speaks " + languageName(language));
        Browser.assertAccessible(coordinator);
        coordinator
                .locator("ol.suggestions > li")
                .first()
                .getByLabel(java.util.regex.Pattern.compile("told me they choose Quinn Peer " + tag))
                .check();
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chosen by the person: Quinn Peer " + tag))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("choice was recorded");

        // Quinn sees it waiting on their day, accepts, and records the first contact.
        Page peer = browser.signIn("quinn-" + tag, TestAgency.PASSWORD);
        peer.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName(java.util.regex.Pattern.compile("chose you as their peer worker")))
                .click();
        peer.getByLabel(java.util.regex.Pattern.compile("^I will be .*'s peer worker\\.$"))
                .check();
        peer.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Accept").setExact(true))
                .click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("You accepted");
        peer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the support record"))
                .click();
        assertThat(peer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Record a contact")))
                .isVisible();
        Browser.assertAccessible(peer);

        long started = System.nanoTime();
        peer.getByLabel("Phone call").check();
        peer.getByLabel("Minutes").fill("20");
        peer.getByLabel("Wellbeing").check();
        peer.getByLabel("Short note").fill("Yara was non-compliant with the bus schedule, so we talked by phone.");
        assertThat(peer.locator("#note-hints")).containsText("non-compliant");
        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact"))
                .click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("The contact was recorded");
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Recording an interaction on a phone-sized screen took {} ms in the browser test", millis);
        assertThat(peer.locator("article.note").first()).containsText("Phone call");
        assertThat(peer.locator("article.note").first()).containsText("bus schedule");
        Browser.assertAccessible(peer);

        // The person's support record is closed to a colleague outside the circle of care.
        Page colleague = browser.signIn("peer2", Api.DEMO_PASSWORD);
        colleague.navigate(browser.url("/support/participants/" + person.id()));
        assertThat(colleague.locator("main")).not().containsText("bus schedule");
    }

    /** What the page calls a language: its English name, or its code when it has none. */
    private static String languageName(String code) {
        String name = java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
