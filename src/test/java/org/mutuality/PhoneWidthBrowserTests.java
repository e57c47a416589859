package org.mutuality;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Phone first (WCAG 1.4.10, reflow): on a 390 px screen no page is wider than the screen, tables
 * included (each row becomes a card), and the header folds its menu behind one button so the page
 * starts near the top. Every listed page, as the demo account that uses it.
 */
@IntegrationTest
class PhoneWidthBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void noPageIsWiderThanAPhone() {
        String jordan = agency.demoPerson("Jordan Lee").value().toString();
        String julie = agency.demoPerson("Julie Roy").value().toString();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(
                "privacy",
                List.of(
                        "/",
                        "/people",
                        "/people/" + jordan,
                        "/people/" + jordan + "/relationships",
                        "/audit",
                        "/conflicts/scan",
                        "/conflicts/policy",
                        "/access/break-glass",
                        "/parity",
                        "/concerns",
                        "/me/access-log"));
        pages.put(
                "manager",
                List.of(
                        "/",
                        "/referrals",
                        "/timesheets",
                        "/support/caseloads",
                        "/pauses",
                        "/code-of-conduct",
                        "/studies",
                        "/fidelity/feedback"));
        pages.put(
                "peer",
                List.of(
                        "/",
                        "/support/language",
                        "/training",
                        "/journal",
                        "/supervision",
                        "/consultations",
                        "/groups",
                        "/timesheets",
                        "/notices",
                        "/account",
                        "/account/sessions",
                        "/people/" + julie + "/relationships",
                        "/people/" + julie + "/crisis-plan"));
        pages.put(
                "participant",
                List.of(
                        "/",
                        "/me/access-log",
                        "/contact",
                        "/people/" + julie + "/relationships",
                        "/questionnaires",
                        "/questionnaires/WHO-5",
                        "/questionnaires/WHO-5/results",
                        "/feedback",
                        "/studies",
                        "/recovery-plan",
                        "/recovery-plan/history",
                        "/crisis-plan",
                        "/crisis-plan/print"));
        List<String> wide = new ArrayList<>();
        for (Map.Entry<String, List<String>> account : pages.entrySet()) {
            Page page = browser.signIn(account.getKey(), Api.DEMO_PASSWORD);
            for (String path : account.getValue()) {
                page.navigate(browser.url(path));
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                if (width > Browser.PHONE.width()) {
                    wide.add(account.getKey() + " " + path + ": " + width + " px");
                }
            }
            page.context().close();
        }
        assertThat(wide).as("pages wider than a 390 px phone").isEmpty();
    }

    @Test
    void theHeaderFoldsItsMenuOnAPhoneAndOpensItWithOneButton() {
        Page page = browser.signIn("manager", Api.DEMO_PASSWORD);
        com.microsoft.playwright.Locator menu = page.locator("#site-menu");
        com.microsoft.playwright.Locator button = page.getByRole(
                com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(menu)
                .isHidden();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(button)
                .hasAttribute("aria-expanded", "false");
        double header = ((Number)
                        page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height"))
                .doubleValue();
        assertThat(header).as("header height on a phone").isLessThan(120);
        Browser.assertAccessible(page);

        button.click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(menu)
                .isVisible();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(button)
                .hasAttribute("aria-expanded", "true");
        page.keyboard().press("Tab");
        page.keyboard().press("Escape");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(menu)
                .isHidden();
        page.context().close();

        // On a wide screen the menu is simply there.
        Page desktop = browser.signIn("manager", Api.DEMO_PASSWORD, Browser.DESKTOP);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(desktop.locator(".menu-button"))
                .isHidden();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(desktop.locator("#site-menu nav"))
                .isVisible();
        desktop.context().close();
    }
}
