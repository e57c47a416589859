package org.mutuality.workforce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** S1 in the browser: the psychiatrist is stopped, told why, and hands the hours to the supervisor. */
@IntegrationTest
class TimesheetBrowserTests {

    static Browser browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.mutuality.test.TestAgency agency;

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
    void handsTheHoursOfATreatedColleagueToTheSupervisor() {
        String activity = "Outreach " + System.nanoTime();
        Page peer = signIn("peer");
        peer.navigate(base() + "/timesheets");
        peer.getByLabel("Day", new Page.GetByLabelOptions().setExact(true))
                .fill(agency.today().minusDays(1).toString());
        peer.getByLabel("Hours", new Page.GetByLabelOptions().setExact(true)).fill("2.5");
        peer.getByLabel("What you did").fill(activity);
        peer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for approval"))
                .click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("sent for approval");
        // Jordan's new hours go to Sam; the page says who and why, not silently.
        assertThat(peer.getByText("Your hours go to Sam Okafor for approval.")).isVisible();
        assertThat(peer.locator("#passed-over")).containsText("Not to Hélène Tremblay");
        assertThat(peer.locator("#passed-over")).containsText("The conflict check chose Sam Okafor instead.");
        Browser.assertAccessible(peer);

        // Hours that still stand with Hélène (as before the routing): she is stopped and hands them on.
        String older = agency.hoursWaitingFor(
                agency.demoToken("peer"), agency.demoPerson("Hélène Tremblay"), "1.5", activity + " (older)");

        Page psychiatrist = signIn("psychiatrist");
        psychiatrist.navigate(base() + "/timesheets/" + older);
        assertThat(psychiatrist.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
                .isVisible();
        assertThat(psychiatrist.locator(".conflict")).containsText("care relationship");
        Browser.assertAccessible(psychiatrist);
        // Only this entry: the demo's other hours waiting for Hélène stay for the other tests.
        if (psychiatrist.locator("input[name=allOfWorker]").count() > 0) {
            psychiatrist.locator("input[name=allOfWorker]").first().uncheck();
        }
        psychiatrist
                .getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Sam Okafor"))
                .check();
        psychiatrist
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand these hours over"))
                .click();
        assertThat(psychiatrist.getByRole(AriaRole.STATUS)).containsText("handed to another approver");

        Page supervisor = signIn("supervisor");
        supervisor.navigate(base() + "/timesheets");
        supervisor
                .getByRole(AriaRole.ROW)
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(activity + " (older)"))
                .getByRole(AriaRole.LINK)
                .click();
        assertThat(supervisor.locator(".conflict")).containsText("No relationship stands in the way");
        supervisor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve these hours"))
                .click();
        assertThat(supervisor.getByRole(AriaRole.STATUS)).containsText("The hours are approved.");
        assertThat(supervisor.locator("table")).containsText("Handed to another approver");
        Browser.assertAccessible(supervisor);
    }

    /** Issue 16, part 6: returned with a reason, corrected by the worker, then approved. */
    @Test
    void approvesHoursReturnedWithAReasonOnceTheWorkerCorrectedThem() {
        String activity = "Recovery group " + System.nanoTime();
        Page marc = signIn("peer2");
        marc.navigate(base() + "/timesheets");
        marc.getByLabel("Day", new Page.GetByLabelOptions().setExact(true))
                .fill(agency.today().minusDays(1).toString());
        marc.getByLabel("Hours", new Page.GetByLabelOptions().setExact(true)).fill("3.5");
        marc.getByLabel("What you did").fill(activity);
        marc.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for approval"))
                .click();
        assertThat(marc.getByRole(AriaRole.STATUS)).containsText("sent for approval");

        Page sam = signIn("supervisor");
        openRow(sam, activity);
        sam.getByLabel("Why you return them").fill("The group ran two hours, not 3.5.");
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Return for correction"))
                .click();
        assertThat(sam.getByRole(AriaRole.STATUS)).containsText("returned with your reason");
        Browser.assertAccessible(sam);

        openRow(marc, activity);
        assertThat(marc.locator("#asked")).containsText("The group ran two hours, not 3.5.");
        Browser.assertAccessible(marc);
        marc.getByLabel("Hours", new Page.GetByLabelOptions().setExact(true)).fill("2");
        marc.getByLabel("What you did").fill(activity + " (corrected)");
        marc.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the correction"))
                .click();
        assertThat(marc.getByRole(AriaRole.STATUS)).containsText("Your correction was sent");
        assertThat(marc.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Earlier versions")))
                .containsText("3 h 30 min");
        Browser.assertAccessible(marc);

        openRow(sam, activity + " (corrected)");
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve these hours"))
                .click();
        assertThat(sam.getByRole(AriaRole.STATUS)).containsText("The hours are approved.");
        assertThat(sam.locator("table").first()).containsText("Returned for correction");
        assertThat(sam.locator("table").first()).containsText("Corrected");
    }

    private void openRow(Page page, String text) {
        page.navigate(base() + "/timesheets");
        page.getByRole(AriaRole.ROW)
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))
                .first()
                .getByRole(AriaRole.LINK)
                .click();
    }

    private Page signIn(String username) {
        Page page = browser.newPage(1280, 900);
        page.navigate(base() + "/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(Api.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(base() + "/");
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
