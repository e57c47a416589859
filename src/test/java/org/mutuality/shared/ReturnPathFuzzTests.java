package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.UUID;
import org.mutuality.test.Fuzzed;

/**
 * The page to come back to after a consultation ({@code back=}) comes from a link anyone may write,
 * is stored, and is put in a link later. Whatever the text, {@link ReturnPath#parse} returns nothing
 * (blank), a path that leads to a page of this server only, even with a parameter added, or refuses
 * it with {@link BadInputException}. Seeds: our own paths and the classic ways out of a site
 * (scheme-relative, backslashes, encoded slashes, schemes, control characters).
 */
class ReturnPathFuzzTests {

    private static final URL HERE = here();

    @FuzzTest
    void keepsOnlyAPathOfThisServer(byte[] input) throws MalformedURLException {
        String text = Fuzzed.text(input);
        ReturnPath path;
        try {
            path = ReturnPath.parse(text);
        } catch (BadInputException refused) {
            return;
        }
        if (path == null) {
            assertThat(text).isBlank();
            return;
        }
        leadsHere(path.value());
        leadsHere(path.with("consultation", new UUID(0, 1)));
    }

    /** As a browser resolves a link on one of our pages: same scheme, host and port. */
    private static void leadsHere(String link) throws MalformedURLException {
        URL resolved = new URL(HERE, link);
        assertThat(resolved.getProtocol()).isEqualTo(HERE.getProtocol());
        assertThat(resolved.getAuthority()).as("the server %s leads to", link).isEqualTo(HERE.getAuthority());
    }

    private static URL here() {
        try {
            return new URL("https://mutuality.example:8443/consultations/1");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
