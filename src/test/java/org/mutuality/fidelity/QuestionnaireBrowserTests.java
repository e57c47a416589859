package org.mutuality.fidelity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * A participant, on a phone, opens their questionnaires from their home screen, completes the WHO-5
 * and sees their score as a chart drawn on the server, with the same score in a table; then lets
 * their peer worker see it.
 */
@IntegrationTest
class QuestionnaireBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    String tag;

    @BeforeEach
    void aParticipant() {
        tag = TestAgency.tag();
        agency.person("Wanda Wellbeing " + tag)
                .role(Role.PARTICIPANT)
                .account("wanda-" + tag)
                .create();
    }

    @Test
    void completesTheWho5AndSeesTheChart() {
        Page page = browser.signIn("wanda-" + tag, TestAgency.PASSWORD, Browser.PHONE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My questionnaires"))
                .first()
                .click();
        assertThat(page.getByText("Due now: this is your first time.")).isVisible();
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Answer the WHO-5 Well-Being Index"))
                .click();
        Browser.assertAccessible(page);
        int[] answers = {3, 2, 4, 1, 3};
        for (int i = 0; i < answers.length; i++) {
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Statement " + (i + 1)))
                    .getByLabel(
                            String.valueOf(answers[i]),
                            new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                    .check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your answers are saved.");
        assertThat(page.getByRole(
                        AriaRole.IMG,
                        new Page.GetByRoleOptions().setName("Chart of your WHO-5 Well-Being Index scores over time")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("52");
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(width).as("page width").isLessThanOrEqualTo(Browser.PHONE.width());
        Browser.assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My questionnaires"))
                .first()
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Let my peer worker see my results"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your peer worker can now see your results.");
    }
}
