package org.mutuality.practice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone-sized screen: Louise chose Marc, a friend, as her peer worker; Kim, the coordinator,
 * consults Cleo from the referral, Cleo advises going ahead with safeguards, Kim records the choice on
 * that consultation, and Marc and Louise write and accept their boundary agreement. Every page passes
 * the axe-core check.
 */
@IntegrationTest
class ConsultationBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Autowired
    Directory directory;

    @Test
    void aConsultationLetsTheAssignmentGoAheadWithABoundaryAgreementBothAccept() {
        String tag = TestAgency.tag();
        // Louise and Cleo share a team, so Cleo is the first colleague offered among many.
        Team team = directory.createTeam(agency.id(), agency.peerSupport().id(), "Consult team " + tag);
        Person louise = inTeam("Louise Friend " + tag, Role.PARTICIPANT, team, "louise-" + tag);
        inTeam("Cleo Consultant " + tag, Role.SUPERVISOR, team, "cleo-" + tag);
        Person marc = agency.person("Marc Friend " + tag)
                .role(Role.PEER_WORKER)
                .account("marc-" + tag)
                .create();
        agency.person("Kim Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("kim-" + tag)
                .create();
        agency.relate(agency.demoToken("privacy"), "FRIEND", marc.id(), louise.id(), "STAFF");
        Api.Response referral = agency.api()
                .post(
                        "/api/v1/referrals",
                        agency.token("kim-" + tag),
                        Api.json(Map.of(
                                "personId",
                                louise.id().toString(),
                                "programId",
                                agency.peerSupport().id().value().toString(),
                                "reason",
                                "Louise asked for a peer worker she already trusts.")));
        String referralUrl =
                browser.url("/referrals/" + referral.json().get("id").asString());
        // Peer support is offered to Louise before anyone records her choice.
        org.assertj.core.api.Assertions.assertThat(agency.api()
                        .post(
                                "/api/v1/referrals/" + referral.json().get("id").asString() + "/offer",
                                agency.token("kim-" + tag),
                                "{}")
                        .status())
                .isEqualTo(200);

        // Kim consults from the referral, where Marc is flagged.
        Page kim = browser.signIn("kim-" + tag, TestAgency.PASSWORD);
        kim.navigate(referralUrl);
        suggestionOf(kim, "Marc Friend " + tag)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Consult a colleague before choosing"))
                .click();
        kim.getByLabel("The situation")
                .fill("Louise chose Marc; they have been friends for years and meet at the same club.");
        Browser.assertAccessible(kim);
        button(kim, "Ask for advice").click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("Your consultation is open");
        button(kim, "Consult Cleo Consultant " + tag).click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("Your colleague was asked");
        Browser.assertAccessible(kim);
        String consultationUrl = kim.url().replaceFirst("\\?.*$", "");

        // Cleo advises going ahead, with safeguards.
        Page cleo = browser.signIn("cleo-" + tag, TestAgency.PASSWORD);
        cleo.navigate(consultationUrl);
        cleo.getByLabel("go ahead, with safeguards").check();
        cleo.getByLabel("Note").fill("It can work if you both agree on limits first.");
        cleo.getByLabel("Safeguards, one a line")
                .fill("Write a boundary agreement together\nTalk it over in supervision next month");
        Browser.assertAccessible(cleo);
        button(cleo, "Send my advice").click();
        assertThat(cleo.getByRole(AriaRole.STATUS)).containsText("Your advice was sent");

        // Kim records Louise's choice on that consultation.
        kim.navigate(referralUrl);
        kim.locator("form:has(input[name=consultationId])")
                .getByLabel("Louise Friend " + tag + " told me they choose Marc Friend " + tag + ".")
                .check();
        button(kim, "Chosen by the person: Marc Friend " + tag + ", as the consultation advised")
                .click();
        assertThat(kim.getByRole(AriaRole.STATUS)).containsText("choice was recorded");
        assertThat(kim.locator("ol.history")).containsText("(the consultation)");

        // Marc writes the agreement and accepts it; Louise accepts the same words.
        Page peer = browser.signIn("marc-" + tag, TestAgency.PASSWORD);
        openAgreement(peer, tag);
        peer.getByLabel("Evenings and weekends")
                .fill("Support messages wait until the morning, unless it is a crisis.");
        button(peer, "Save these words").click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("The words were saved");
        Browser.assertAccessible(peer);
        button(peer, "I accept these words").click();
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("You accepted");

        Page participant = browser.signIn("louise-" + tag, TestAgency.PASSWORD);
        openAgreement(participant, tag);
        assertThat(participant.locator("main")).containsText("Write a boundary agreement together");
        button(participant, "I accept these words").click();
        assertThat(participant.getByRole(AriaRole.STATUS)).containsText("You accepted");
        assertThat(participant.locator(".tag")).containsText("agreed by both");
        assertThat(participant.locator("main")).containsText("Support messages wait until the morning");
        Browser.assertAccessible(participant);
    }

    private Person inTeam(String name, Role role, Team team, String username) {
        Person person = directory.register(
                agency.id(),
                new PersonDetails(name, null, null, null, null),
                List.of(new AssignRole(
                        role,
                        agency.peerSupport().id(),
                        team.id(),
                        agency.today().minusDays(1),
                        null)));
        directory.openAccount(agency.id(), person.id(), username, TestAgency.PASSWORD);
        TestAgency.attestCodeOfConduct(agency.api(), agency.token(username));
        return person;
    }

    private static Locator suggestionOf(Page page, String name) {
        return page.locator("ol.suggestions > li").filter(new Locator.FilterOptions().setHasText(name));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void openAgreement(Page page, String tag) {
        page.navigate(browser.url("/agreements"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Agreement between Marc Friend " + tag + " and Louise Friend " + tag))
                .click();
    }
}
