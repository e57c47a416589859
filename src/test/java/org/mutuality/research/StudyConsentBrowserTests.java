package org.mutuality.research;

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

/**
 * On a phone-sized screen: a participant finds a study that recruits on their own page, reads that
 * their support does not change with their answer, consents item by item, then withdraws being
 * recorded and keeps the rest. Every page passes the axe-core check.
 */
@IntegrationTest
class StudyConsentBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @org.springframework.beans.factory.annotation.Autowired
    TestAgency agency;

    @Test
    void aParticipantConsentsItemByItemAndWithdrawsRecording() {
        String tag = TestAgency.tag();
        Person researcher = agency.person("Rhea Researcher " + tag)
                .roleAcrossAgency(Role.RESEARCHER)
                .account("rhea-" + tag)
                .create();
        agency.person("Paz Participant " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .account("paz-" + tag)
                .create();
        String res = agency.token("rhea-" + tag);
        Api.Response made = agency.api()
                .post(
                        "/api/v1/studies",
                        res,
                        "{\"title\":\"Voices " + tag + "\",\"purpose\":\"What helps in peer support, in plain words.\","
                                + "\"principalInvestigatorId\":\"" + researcher.id() + "\","
                                + "\"ethicsBoard\":\"CREB\",\"approvalNumber\":\"A-1\",\"approvedOn\":\""
                                + agency.today().minusDays(1) + "\",\"endsOn\":\""
                                + agency.today().plusYears(1)
                                + "\",\"dataUses\":\"One interview\","
                                + "\"recruitmentText\":\"We look for participants to tell us what helps.\","
                                + "\"consentForm\":\"You are invited to one interview of about an hour.\"}");
        org.assertj.core.api.Assertions.assertThat(made.status())
                .as(made.body())
                .isEqualTo(201);
        String id = made.json().get("id").asString();
        org.assertj.core.api.Assertions.assertThat(agency.api()
                        .post("/api/v1/studies/" + id + "/open", res, "")
                        .status())
                .isEqualTo(200);

        Page page = browser.signIn("paz-" + tag, TestAgency.PASSWORD);
        page.navigate(browser.url("/studies"));
        assertThat(page.locator("main")).containsText("Your support does not change with your answer.");
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Voices " + tag))
                .click();
        Browser.assertAccessible(page);
        page.locator("#takePart-yes").check();
        page.locator("#recording-yes").check();
        page.locator("#records-no").check();
        page.locator("#recontact-yes").check();
        page.getByLabel("Type your full name to sign").fill("Paz Participant");
        button(page, "Sign my consent").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your consent is saved.");
        assertThat(page.locator("#item-recording")).containsText("yes");
        assertThat(page.locator("#item-records")).containsText("no");
        Browser.assertAccessible(page);

        button(page, "Withdraw · I agree to be recorded (audio or video)").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Withdrawn. It stops at once.");
        assertThat(page.locator("#item-recording")).containsText("no");
        assertThat(page.locator("#item-takePart")).containsText("yes");
        assertThat(page.locator("#item-recontact")).containsText("yes");
        assertThat(page.locator("main")).containsText("withdrawn");
        Browser.assertAccessible(page);
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
