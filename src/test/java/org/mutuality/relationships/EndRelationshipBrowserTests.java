package org.mutuality.relationships;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ending a relationship is never one click: the page says what ending does and asks first. A
 * participant may stop her own peer support, after reading what it means; a post without the
 * confirmation changes nothing; a colleague who may not end it sees no "End" and is refused.
 */
@IntegrationTest
class EndRelationshipBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void aParticipantReadsWhatEndingDoesBeforeSheStopsHerPeerSupport() {
        String tag = TestAgency.tag();
        Person paula = paula(tag);
        String support = supportedByWren(tag, paula);

        Page page = browser.signIn("paula-" + tag, TestAgency.PASSWORD);
        page.navigate(browser.url("/people/" + paula.id() + "/relationships"));
        Locator end = page.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                        .setName("End Supports (peer support): Wren Worker " + tag + " and Paula Participant " + tag));
        end.click();
        assertThat(page.locator("#end-relationship")).containsText("End this relationship?");
        assertThat(page.locator("#end-relationship"))
                .containsText(
                        "From today Wren Worker " + tag + " is no longer Paula Participant " + tag + "'s peer worker");
        Browser.assertAccessible(page);

        // She changes her mind: nothing changed.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No, keep it"))
                .click();
        assertThat(page.locator("#end-relationship")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(endDate(support)).isEqualTo("null");

        end.click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, end it today"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The relationship was ended");
        assertThat(end).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(endDate(support)).isNotEqualTo("null");
    }

    @Test
    void withoutTheConfirmationOrTheRightNothingEnds() {
        String tag = TestAgency.tag();
        Person paula = paula(tag);
        Person cole = agency.person("Cole Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("cole-" + tag)
                .create();
        String support = supportedByWren(tag, paula);
        String page = "/people/" + paula.id() + "/relationships";

        // An old one-click form, or a forged post without the confirmation: asked first, nothing ends.
        BrowserSession mine = agency.browser(paula);
        mine.get(page);
        HttpResponse<String> oneClick = mine.post(
                "/relationships/" + support + "/end",
                Map.of("personId", paula.id().toString()));
        org.assertj.core.api.Assertions.assertThat(oneClick.statusCode()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(
                        oneClick.headers().firstValue("Location").orElse(""))
                .endsWith(page + "?end=" + support);
        org.assertj.core.api.Assertions.assertThat(endDate(support)).isEqualTo("null");

        // A colleague who may not end it is never offered it, and a post of his own is refused.
        BrowserSession colleague = agency.browser(cole);
        HttpResponse<String> asked = colleague.get(page + "?end=" + support);
        org.assertj.core.api.Assertions.assertThat(asked.body())
                .doesNotContain("Yes, end it today")
                .doesNotContain("/relationships/" + support + "/end");
        long refusedBefore = agency.refusals(cole.id());
        colleague.post(
                "/relationships/" + support + "/end",
                Map.of("personId", paula.id().toString(), "confirmed", "true"));
        org.assertj.core.api.Assertions.assertThat(endDate(support)).isEqualTo("null");
        org.assertj.core.api.Assertions.assertThat(agency.refusals(cole.id())).isGreaterThan(refusedBefore);
    }

    private Person paula(String tag) {
        return agency.person("Paula Participant " + tag)
                .role(Role.PARTICIPANT)
                .account("paula-" + tag)
                .create();
    }

    /** Wren, a new peer worker, supports Paula (recorded by the demo manager); the relationship's id. */
    private String supportedByWren(String tag, Person paula) {
        Person wren = agency.person("Wren Worker " + tag).role(Role.PEER_WORKER).create();
        return agency.relate(agency.demoToken("manager"), "SUPPORTS", wren.id(), paula.id());
    }

    private String endDate(String relationship) {
        Api.Response r = agency.api().get("/api/v1/relationships/" + relationship, agency.demoToken("privacy"));
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(200);
        return String.valueOf(r.json().get("endDate"));
    }
}
