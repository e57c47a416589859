package org.mutuality.conflicts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The policy editor in Chromium on a phone: numbered lines, the cursor put on the line of a problem,
 * and a preview of what a change would do before the button that puts it in force appears. Nothing
 * is put in force here: the demo agency's policy stays as it is for every other test.
 */
@IntegrationTest
class PolicyEditorBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void numbersTheLinesPutsTheCursorOnAProblemAndPreviewsAChange() {
        String inForce = agency.api()
                .get("/api/v1/conflicts/policy", agency.demoToken("privacy"))
                .body();
        Page page = browser.signIn("privacy", Api.DEMO_PASSWORD);
        page.navigate(browser.url("/conflicts/policy"));
        assertThat(page.locator(".code-editor .gutter")).containsText("1\n2\n3");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put this version in force")))
                .hasCount(0);

        String invalid = "rules:\n  - id: a\n    actions: [SUPERVISE]\n    kinds: [TREATS]\n"
                + "    decision: MAYBE\n    explanation: x\n";
        page.locator("#policy-text").fill(invalid);
        page.locator("#policy-reason").fill("Trying a softer rule");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the change"))
                .click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("line 5");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("ALLOW, WARN, CONSULT, BLOCK");
        assertThat(page.locator("#policy-text")).isFocused();
        int start = ((Number) page.evaluate("document.getElementById('policy-text').selectionStart")).intValue();
        org.assertj.core.api.Assertions.assertThat(start).isEqualTo(invalid.indexOf("    decision: MAYBE"));
        assertThat(page.locator(".gutter .error-line")).hasText("5");
        Browser.assertAccessible(page);

        page.locator("#policy-text").fill(inForce.replaceFirst("decision: BLOCK", "decision: WARN"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview the change"))
                .click();
        assertThat(page.locator("#policy-preview")).containsText("What this version would change");
        assertThat(page.locator("#policy-preview")).isFocused();
        assertThat(page.locator(".diff-line.added")).containsText("decision: WARN");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Put this version in force")))
                .isVisible();
        Browser.assertAccessible(page);
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(Browser.PHONE.width());
        page.context().close();
    }
}
