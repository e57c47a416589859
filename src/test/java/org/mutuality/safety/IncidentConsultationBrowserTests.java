package org.mutuality.safety;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/**
 * On a phone-sized screen: Pia, a peer worker, records an incident with Paul; Hana, a supervisor who
 * handles incidents and is Paul's friend, is asked to consult before taking it; she asks Cleo from
 * the refusal, Cleo advises going ahead with safeguards, and Hana goes back and takes the incident on
 * that consultation, which its page then names. Every page passes the axe-core check.
 */
@IntegrationTest
class IncidentConsultationBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @org.springframework.beans.factory.annotation.Autowired
    TestAgency agency;

    @org.springframework.beans.factory.annotation.Autowired
    org.mutuality.directory.Directory directory;

    @Test
    void aHandlerWhoKnowsSomeoneInvolvedTakesTheIncidentOnAConsultation() {
        String tag = TestAgency.tag();
        Person pia = agency.person("Pia Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("pia-" + tag)
                .create();
        // Paul and Cleo share a team, so Cleo is the first colleague offered among many.
        org.mutuality.directory.Team team =
                directory.createTeam(agency.id(), agency.peerSupport().id(), "Incident consult team " + tag);
        Person paul = agency.person("Paul Participant " + tag)
                .role(Role.PARTICIPANT, team)
                .create();
        Person hana = agency.person("Hana Handler " + tag)
                .role(Role.SUPERVISOR)
                .account("hana-" + tag)
                .create();
        agency.person("Cleo Consultant " + tag)
                .role(Role.SUPERVISOR, team)
                .account("cleo-" + tag)
                .create();
        agency.relate(agency.demoToken("privacy"), "FRIEND", hana.id(), paul.id(), "STAFF");
        Api.Response recorded = agency.api()
                .post(
                        "/api/v1/incidents",
                        agency.token(pia),
                        Api.json(Map.of(
                                "whatHappened",
                                "Paul asked to meet me at a party this weekend, outside the agency.",
                                "involvedIds",
                                List.of(paul.id().toString()))));
        String incidentUrl =
                browser.url("/incidents/" + recorded.json().get("id").asString());

        // Hana tries to take it; the check asks her to consult, and the page offers to.
        Page page = browser.signIn("hana-" + tag, TestAgency.PASSWORD);
        page.navigate(incidentUrl);
        button(page, "I will handle this incident").click();
        assertThat(page.getByRole(AriaRole.ALERT)).isVisible();
        Browser.assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask a colleague first (consultation)"))
                .click();
        page.getByLabel("The situation")
                .fill("Paul and I have been friends for years; I am asked to handle an incident involving him.");
        Browser.assertAccessible(page);
        button(page, "Ask for advice").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your consultation is open");
        button(page, "Consult Cleo Consultant " + tag).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your colleague was asked");
        String consultationUrl = page.url().replaceFirst("\\?.*$", "");

        // Cleo advises going ahead, with safeguards.
        Page cleo = browser.signIn("cleo-" + tag, TestAgency.PASSWORD);
        cleo.navigate(consultationUrl);
        cleo.getByLabel("go ahead, with safeguards").check();
        cleo.getByLabel("Note").fill("You can handle it if a second person reads your outcome.");
        cleo.getByLabel("Safeguards, one a line").fill("A second handler reads the outcome before it is sent");
        button(cleo, "Send my advice").click();
        assertThat(cleo.getByRole(AriaRole.STATUS)).containsText("Your advice was sent");

        // Hana goes back to the incident and takes it on the consultation.
        page.navigate(consultationUrl);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go back and go ahead on this consultation"))
                .click();
        assertThat(page.locator("main")).containsText("This goes ahead on the consultation you asked");
        Browser.assertAccessible(page);
        button(page, "I will handle this incident").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are handling this incident.");
        assertThat(page.locator(".tag").first()).containsText("Being handled");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("taken in hand on a consultation: read it"))
                .click();
        assertThat(page.locator("main")).containsText("A second handler reads the outcome before it is sent");
        Browser.assertAccessible(page);
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
