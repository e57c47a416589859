package org.mutuality.workforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
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
 * On a phone: a peer worker records a training with its certificate and sees it on "My training",
 * and the manager sees who is due or overdue on the compliance page. Every page passes the axe-core
 * check.
 */
@IntegrationTest
class TrainingBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void aStaffMemberRecordsATrainingWithItsCertificateAndTheManagerSeesCompliance() {
        String tag = TestAgency.tag();
        Person ada = agency.person("Ada Browser " + tag)
                .role(Role.PEER_WORKER)
                .account("ada-training-" + tag)
                .create();

        Page peer = browser.signIn("ada-training-" + tag, TestAgency.PASSWORD);
        Browser.openMenu(peer);
        peer.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("My training").setExact(true))
                .first()
                .click();
        assertThat(peer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My training")))
                .isVisible();
        assertThat(peer.locator("main")).containsText("Not yet done");
        Browser.assertAccessible(peer);

        peer.getByLabel("Training", new Page.GetByLabelOptions().setExact(true))
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("Ethics and dual relationships"));
        peer.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).fill("Peer Support Network");
        peer.getByLabel("Hours", new Page.GetByLabelOptions().setExact(true)).fill("6");
        peer.getByLabel("Certificate (optional)", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload(
                        "ethics-certificate.pdf",
                        "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the training"))
                .click();

        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("The training is recorded.");
        assertThat(peer.locator("table[aria-labelledby=records-heading]")).containsText("Peer Support Network");
        assertThat(peer.locator("table[aria-labelledby=required-heading]")).containsText("Up to date");
        assertThat(peer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download")))
                .hasAttribute(
                        "href",
                        java.util.regex.Pattern.compile("/people/" + ada.id() + "/training/records/.+/certificate"));
        Browser.assertAccessible(peer);

        Page manager = browser.signIn("manager", Api.DEMO_PASSWORD);
        manager.navigate(browser.url("/training/compliance"));
        assertThat(manager.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Training compliance")))
                .isVisible();
        assertThat(manager.locator("table")).containsText("Jordan Lee");
        assertThat(manager.locator("table")).containsText("Expired");
        assertThat(manager.locator("table")).containsText(ada.displayName());
        assertThat(manager.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export as CSV")))
                .isVisible();
        Browser.assertAccessible(manager);

        manager.getByLabel("Role").selectOption("CLINICIAN");
        manager.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Show").setExact(true))
                .click();
        assertThat(manager.locator("main")).not().containsText("Jordan Lee");
    }
}
