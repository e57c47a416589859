package org.mutuality.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.test.Api;
import org.mutuality.test.Browser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Respectful-language hints show wherever staff write about a person, starting with the obvious
 * place, People → a person → Notes, and only from the list in the page's language. They only
 * suggest: the note is still saved as typed.
 */
@IntegrationTest
class LanguageHintsBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.chromium();

    @Autowired
    TestAgency agency;

    @Test
    void theNotesPageSuggestsOtherWordsInThePagesLanguageOnly() {
        String julie = agency.demoPerson("Julie Roy").value().toString();
        Page page = browser.signIn("peer", Api.DEMO_PASSWORD);

        page.navigate(browser.url("/people/" + julie + "/notes"));
        Locator note = page.locator("textarea[data-hints]").first();
        note.fill("The client is non-compliant and she is non observante.");
        Locator hints = page.locator("#" + note.getAttribute("id") + "-hints");
        assertThat(hints).containsText("Words to reconsider");
        assertThat(hints).containsText("non-compliant");
        assertThat(hints).not().containsText("non observant");
        Browser.assertAccessible(page);

        page.navigate(browser.url("/people/" + julie + "/notes?lang=fr"));
        note = page.locator("textarea[data-hints]").first();
        note.fill("The client is non-compliant and she is non observante.");
        hints = page.locator("#" + note.getAttribute("id") + "-hints");
        assertThat(hints).containsText("Des mots à repenser");
        assertThat(hints).containsText("non observante");
        assertThat(hints).not().containsText("non-compliant");
        page.navigate(browser.url("/people/" + julie + "/notes?lang=en"));
    }

    @Test
    void aParticipantWritingToTheAgencyIsNotCorrected() {
        Page page = browser.signIn("participant", Api.DEMO_PASSWORD);
        page.navigate(browser.url("/contact"));
        org.assertj.core.api.Assertions.assertThat(
                        page.locator("textarea[data-hints]").count())
                .isZero();
    }
}
