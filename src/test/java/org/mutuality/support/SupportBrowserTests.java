package org.mutuality.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole path on a phone-sized screen: a clinician refers a person, the coordinator offers peer
 * support and records the person's choice among the suggestions, the peer worker accepts and records
 * the first contact with the quick-entry form, seeing the respectful-language helper on the way.
 * Every page passes the axe-core check.
 */
@IntegrationTest
class SupportBrowserTests {

    private static final Logger log = LoggerFactory.getLogger(SupportBrowserTests.class);

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

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
    void referralSuggestionsChoiceAndFirstInteractionOnAPhone() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // A language code nobody else in the shared test database speaks, so Quinn ranks first.
        String language = "z" + (char) ('a' + Math.floorMod(tag.hashCode(), 26))
                + (char) ('a' + Math.floorMod(tag.hashCode() / 26, 26));
        AgencyId agency = directory.demoAgency().orElseThrow();
        Program peerProgram = directory.programs(agency).stream()
                .filter(p -> p.name().equals("Peer Support"))
                .findFirst()
                .orElseThrow();
        Person person = directory.register(
                agency,
                new PersonDetails("Yara Referred " + tag, null, "she/her", null, null),
                List.of(new AssignRole(
                        Role.SERVICE_USER, null, null, LocalDate.now().minusYears(1), null)));
        Person quentin = directory.register(
                agency,
                new PersonDetails("Quinn Peer " + tag, null, "they/them", null, null),
                List.of(new AssignRole(
                        Role.PEER_WORKER,
                        peerProgram.id(),
                        null,
                        LocalDate.now().minusYears(1),
                        null)));
        directory.openAccount(agency, quentin.id(), "quinn-" + tag, SupportIntegrationTests.PASSWORD);
        new Api(port)
                .put(
                        "/api/v1/me/peer-profile",
                        new Api(port).token("quinn-" + tag, SupportIntegrationTests.PASSWORD),
                        "{\"languages\":[\"" + language + "\"],\"capacity\":5,\"accepting\":true}");

        // A clinician refers Yara.
        Page clinician = signIn("psychiatrist", Api.DEMO_PASSWORD);
        clinician.navigate(base() + "/referrals/new?person=" + person.id());
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
        Page coordinator = signIn("supervisor", Api.DEMO_PASSWORD);
        coordinator.navigate(referralUrl);
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Peer support was offered to the person"))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("peer support was offered");
        assertThat(coordinator.locator("ol.suggestions > li").first()).containsText("Quinn Peer " + tag);
        assertThat(coordinator.locator("ol.suggestions > li").first()).containsText("Speaks " + language);
        Browser.assertAccessible(coordinator);
        coordinator
                .getByRole(
                        AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chosen by the person: Quinn Peer " + tag))
                .click();
        assertThat(coordinator.getByRole(AriaRole.STATUS)).containsText("choice was recorded");

        // Quinn sees it waiting on their day, accepts, and records the first contact.
        Page peer = signIn("quinn-" + tag, SupportIntegrationTests.PASSWORD);
        peer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Someone chose you as their peer worker"))
                .click();
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
        assertThat(peer.locator("#language-hints")).containsText("non-compliant");
        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the contact"))
                .click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("The contact was recorded");
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Recording an interaction on a phone-sized screen took {} ms in the browser test", millis);
        assertThat(peer.locator("article.note").first()).containsText("Phone call");
        assertThat(peer.locator("article.note").first()).containsText("bus schedule");
        Browser.assertAccessible(peer);

        // The person's support record is closed to a colleague outside the circle of care.
        Page colleague = signIn("peer2", Api.DEMO_PASSWORD);
        colleague.navigate(base() + "/support/participants/" + person.id());
        assertThat(colleague.locator("main")).not().containsText("bus schedule");
    }

    private Page signIn(String username, String password) {
        Page page = browser.newPage(390, 844);
        page.navigate(base() + "/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
