package org.mutuality.practice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
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
 * A peer worker, on a phone, walks a dilemma through the navigator, saves the summary to their
 * journal and reads it back; shares it with their supervisor, who reads it; and deletes an entry
 * only after ticking the confirmation. A coordinator who asked a consultation walks it through the
 * navigator from the consultation and attaches the summary, which the colleague consulted reads.
 */
@IntegrationTest
class JournalBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    String tag;
    Person supervisor;

    @BeforeEach
    void aPeerWorkerWithASupervisor() {
        tag = TestAgency.tag();
        Person peer = agency.person("Nia Navigator " + tag)
                .role(Role.PEER_WORKER)
                .account("nia-" + tag)
                .create();
        supervisor = agency.person("Sue Supervises " + tag)
                .role(Role.SUPERVISOR)
                .account("sue-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", supervisor.id(), peer.id());
    }

    @Test
    void walksADilemmaSavesItToTheJournalAndReadsItBack() {
        Page page = browser.signIn("nia-" + tag, TestAgency.PASSWORD);
        Browser.openMenu(page);
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Journal").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Think a dilemma through"))
                .click();
        Browser.assertAccessible(page);

        walkTheBirthdayParty(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the summary to my journal"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Summary saved to your journal");
        assertThat(page.locator("pre")).containsText("birthday party");
        assertThat(page.locator("pre")).containsText("Overall: medium");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to my journal"))
                .click();
        assertThat(page.locator("ul.entries")).containsText("A dilemma thought through");
        page.locator("ul.entries a").first().click();
        assertThat(page.locator("pre")).containsText("birthday party");
        Browser.assertAccessible(page);
    }

    @Test
    void attachesTheSummaryToAConsultationThatTheConsultantThenReads() {
        Person louise =
                agency.person("Louise Friend " + tag).role(Role.PARTICIPANT).create();
        Person marc = agency.person("Marc Friend " + tag).role(Role.PEER_WORKER).create();
        agency.person("Kim Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("kim-" + tag)
                .create();
        Person cleo = agency.person("Cleo Consultant " + tag)
                .role(Role.SUPERVISOR)
                .account("cleo-" + tag)
                .create();
        agency.relate(agency.demoToken("privacy"), "FRIEND", marc.id(), louise.id(), "STAFF");
        String kimToken = agency.token("kim-" + tag);
        Api api = agency.api();
        Api.Response asked = api.post(
                "/api/v1/consultations",
                kimToken,
                Api.json(Map.of(
                        "action",
                        "ASSIGN_SUPPORT",
                        "actorId",
                        marc.id().toString(),
                        "subjectId",
                        louise.id().toString(),
                        "situation",
                        "Louise chose Marc, a friend of many years, as her peer worker.")));
        Assertions.assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String consultation = "/consultations/" + asked.json().get("id").asString();
        Api.Response chosen = api.post(
                "/api/v1" + consultation + "/consultant",
                kimToken,
                Api.json(Map.of("consultantId", cleo.id().toString())));
        Assertions.assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);

        Page kim = browser.signIn("kim-" + tag, TestAgency.PASSWORD);
        kim.navigate(browser.url(consultation));
        kim.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Think it through with the dilemma navigator"))
                .click();
        walkTheBirthdayParty(kim);
        kim.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions()
                                .setName("Attach to: Marc Friend " + tag + " supporting Louise Friend " + tag)
                                .setExact(false))
                .click();

        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("Your reflection is attached");
        assertThat(kim.locator("#reflection")).containsText("birthday party");
        Browser.assertAccessible(kim);

        Page consultant = browser.signIn("cleo-" + tag, TestAgency.PASSWORD);
        consultant.navigate(browser.url(consultation));
        assertThat(consultant.locator("#reflection")).containsText("birthday party");
        assertThat(consultant.locator("#reflection")).containsText("Overall: medium");
        assertThat(consultant.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take my reflection off")))
                .hasCount(0);
        Browser.assertAccessible(consultant);
    }

    @Test
    void sharesAnEntryThatTheSupervisorThenReads() {
        Page page = browser.signIn("nia-" + tag, TestAgency.PASSWORD);
        write(page, "Boundaries", "A hug at the end of group felt like too much.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share with my supervisor"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entry shared with your supervisor");

        Page sue = browser.signIn("sue-" + tag, TestAgency.PASSWORD);
        sue.navigate(browser.url("/journal/shared"));
        sue.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nia Navigator " + tag))
                .click();

        assertThat(sue.locator("pre")).containsText("A hug at the end of group");
        Browser.assertAccessible(sue);
    }

    @Test
    void deletesOnlyAfterTheConfirmationIsTicked() {
        Page page = browser.signIn("nia-" + tag, TestAgency.PASSWORD);
        write(page, "Free writing", "Nothing I want to keep.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete this entry"))
                .click();
        Browser.assertAccessible(page);

        page.getByLabel("I understand that this entry will be gone for good.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete for good"))
                .click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entry deleted.");
        assertThat(page.locator("ul.entries")).not().containsText("Free writing");
    }

    private void write(Page page, String prompt, String text) {
        page.navigate(browser.url("/journal"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("A question to start from"))
                .getByText(prompt, new Locator.GetByTextOptions().setExact(true))
                .click();
        page.getByLabel("Your entry").fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save to my journal"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Entry saved");
    }

    /** Answers the navigator about a birthday party invitation and checks what it suggests. */
    private static void walkTheBirthdayParty(Page page) {
        Browser.assertAccessible(page);
        page.getByLabel("The situation, in a few words (optional)")
                .fill("A participant I support invited me to her birthday party.");
        choose(page, "How much power", "Some: I guide, they choose");
        choose(page, "How long does your work", "Weeks to months");
        choose(page, "How clearly does your work", "Not sure when it ends");
        choose(page, "cloud your judgement", "Not sure");
        choose(page, "take advantage", "No");
        choose(page, "hurt the other person", "No");
        page.getByLabel("A kindness: a gift, extra time, help beyond the role").check();
        choose(page, "Whom does the second relationship serve", "Both of us");
        choose(page, "Could it be avoided", "Yes");
        choose(page, "would they agree", "Not sure");
        choose(page, "Would the record show", "No");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the summary"))
                .click();

        Locator summary = page.locator("#summary");
        assertThat(summary).containsText("Talk it through with your supervisor or a colleague");
        assertThat(summary).containsText("medium");
        Browser.assertAccessible(page);
    }

    private static void choose(Page page, String question, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile(question)))
                .getByLabel(answer, new Locator.GetByLabelOptions().setExact(true))
                .check();
    }
}
