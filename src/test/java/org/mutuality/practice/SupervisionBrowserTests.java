package org.mutuality.practice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a phone: a supervisor plans a session with the peer worker she supervises, they mark a topic,
 * write notes (his private one stays his), agree an action, and both sign off after ticking that they
 * read it (the browser holds the click back until then), which closes the session. Every page passes the axe-core check.
 */
@IntegrationTest
class SupervisionBrowserTests {

    static final String SIGN_CONFIRM = "I have read this session as it stands and I sign off my part.";

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void aSessionIsPlannedFilledAndSignedOffByBoth() {
        String tag = TestAgency.tag();
        Person bea = agency.person("Bea Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("bea-" + tag)
                .create();
        Person cal = agency.person("Cal Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("cal-" + tag)
                .create();
        agency.relate(agency.demoToken("manager"), "SUPERVISES", bea.id(), cal.id());

        // Bea plans the session; its agenda comes prefilled.
        Page supervisor = browser.signIn("bea-" + tag, TestAgency.PASSWORD);
        Browser.openMenu(supervisor);
        supervisor
                .getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Supervision").setExact(true))
                .click();
        Browser.assertAccessible(supervisor);
        supervisor.getByLabel("With").selectOption(cal.id().toString());
        supervisor.getByLabel("Length in minutes").fill("50");
        supervisor.getByLabel("Peer supervision").check();
        button(supervisor, "Plan the session");
        assertThat(supervisor.getByRole(AriaRole.STATUS)).containsText("The session was planned");
        assertThat(supervisor.locator("ul.agenda")).containsText("Checklist topic");
        Browser.assertAccessible(supervisor);
        String session = supervisor.url();

        // They talk about Cal's own projects, write a note and agree an action.
        supervisor.getByLabel("Projects or tasks of one's own to lead").check();
        button(supervisor, "Save the topics");
        assertThat(supervisor.getByRole(AriaRole.STATUS)).containsText("The topics were saved");
        supervisor.getByLabel("A note").fill("Cal wants to start a music circle in the spring.");
        button(supervisor, "Add the note");
        assertThat(supervisor.getByRole(AriaRole.STATUS)).containsText("The note was added");
        supervisor.getByLabel("What you agreed").fill("Draft a plan for the music circle");
        supervisor.getByLabel("To be done by").fill(agency.today().plusDays(14).toString());
        button(supervisor, "Add the action");
        assertThat(supervisor.locator("ul.actions")).containsText("Draft a plan for the music circle");
        button(supervisor, "Sign off my part");
        assertThat(supervisor.getByRole(AriaRole.STATUS)).not().containsText("Your part is signed");
        supervisor.getByLabel(SIGN_CONFIRM).check();
        button(supervisor, "Sign off my part");
        assertThat(supervisor.getByRole(AriaRole.STATUS)).containsText("Your part is signed");

        // Cal reads it, keeps a private note, and signs: the session closes.
        Page peer = browser.signIn("cal-" + tag, TestAgency.PASSWORD);
        peer.navigate(session);
        assertThat(peer.locator("article.note")).containsText("music circle");
        peer.getByLabel("A note").fill("I am nervous about leading a group on my own.");
        peer.getByLabel("Keep this note private (your supervisor will not read it)")
                .check();
        button(peer, "Add the note");
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("Only you read it");
        peer.getByLabel(SIGN_CONFIRM).check();
        button(peer, "Sign off my part");
        assertThat(peer.getByRole(AriaRole.STATUS)).containsText("Your part is signed");
        assertThat(peer.locator("main")).containsText("Both signed: the session is closed");
        Browser.assertAccessible(peer);

        // Bea sees the session closed, without Cal's private note.
        supervisor.navigate(session);
        assertThat(supervisor.locator("main")).containsText("Signed by both");
        assertThat(supervisor.locator("main")).not().containsText("nervous");
        assertThat(supervisor.getByLabel("A note")).hasCount(0);
    }

    private static void button(Page page, String name) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(name).setExact(true))
                .click();
    }
}
