package org.mutuality.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On her phone, Ana chooses her own peer worker: from her home screen to the suggestions (what each
 * peer worker chose to share, nothing of conflicts or loads), a tick to confirm, and the answer that
 * she will hear back. Then, supported, she asks for someone else without giving a reason. Every page
 * fits 390 px and passes the axe-core check.
 */
@IntegrationTest
class PersonChoosesBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void aParticipantChoosesHerPeerWorkerOnHerPhoneAndLaterAsksForAnother() {
        String tag = TestAgency.tag();
        Person ana = agency.person("Ana Chooser " + tag)
                .role(Role.PARTICIPANT)
                .account("ana-" + tag)
                .create();
        agency.person("Bea Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("bea-" + tag)
                .create();
        Api api = agency.api();
        String bee = agency.token("bea-" + tag);
        org.assertj.core.api.Assertions.assertThat(api.put(
                                "/api/v1/me/peer-profile",
                                bee,
                                Api.json(Map.of(
                                        "languages", List.of("en", "fr"),
                                        "livedExperience", List.of("GRIEF"),
                                        "availability", List.of("WEEKENDS"),
                                        "capacity", 5,
                                        "accepting", true)))
                        .status())
                .isEqualTo(200);
        Api.Response referral = api.post(
                "/api/v1/referrals",
                agency.demoToken("supervisor"),
                Api.json(Map.of(
                        "personId", ana.id().toString(),
                        "programId", agency.peerSupport().id().value().toString(),
                        "reason", "Ana would like to talk with someone who has lost a parent too.",
                        "livedExperience", List.of("GRIEF"))));
        org.assertj.core.api.Assertions.assertThat(referral.status())
                .as(referral.body())
                .isEqualTo(201);
        String referralId = referral.json().get("id").asString();

        Page page = browser.signIn("ana-" + tag, TestAgency.PASSWORD, Browser.PHONE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose your peer worker"))
                .click();
        assertThat(page.locator("main")).containsText("Each one chose what to share");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your peer worker")))
                .isVisible();
        Locator card =
                page.locator("#choose li.panel").filter(new Locator.FilterOptions().setHasText("Bea Peer " + tag));
        assertThat(card).containsText("Grief and loss");
        assertThat(card).containsText("Weekends");
        assertThat(page.locator("#choose")).not().containsText("of 5");
        fitsThePhone(page);
        Browser.assertAccessible(page);

        // Without the tick, nothing is chosen (the browser asks first; the server refuses too).
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Choose Bea Peer " + tag))
                .click();
        assertThat(page.locator(".notice")).not().isVisible();
        card.getByLabel("Yes, I choose Bea Peer " + tag + ".").check();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Choose Bea Peer " + tag))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your choice is saved");
        assertThat(page.locator("#choose")).containsText("You chose Bea Peer " + tag);
        fitsThePhone(page);

        // Bea accepts; Ana, supported, asks for another peer worker.
        org.assertj.core.api.Assertions.assertThat(
                        api.post("/api/v1/referrals/" + referralId + "/answer", bee, "{\"accept\":true}")
                                .status())
                .isEqualTo(200);
        page.navigate(browser.url("/"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Bea Peer " + tag + " supports you")
                                .setExact(false))
                .click();
        page.getByLabel("Yes, I would like another peer worker.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for another peer worker"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Your coordinator has been told");
        assertThat(page.locator("#choose")).not().containsText("Bea Peer " + tag);
        fitsThePhone(page);
        Browser.assertAccessible(page);
    }

    private static void fitsThePhone(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
    }
}
