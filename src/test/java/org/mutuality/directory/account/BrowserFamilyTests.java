package org.mutuality.directory.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrowserFamilyTests {

    @ParameterizedTest(name = "{1} on {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 | FIREFOX | LINUX
            Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0 | EDGE | WINDOWS
            Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 | CHROME | ANDROID
            Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 | SAFARI | IOS
            Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/114.0.0.0 | OPERA | MACOS
            Java-http-client/17.0.13 | OTHER | OTHER
            ''                       | OTHER | OTHER
            """)
    void namesTheBrowserAndPlatformInPlainWords(String userAgent, String browser, String platform) {
        assertThat(BrowserFamily.of(userAgent)).isEqualTo(new BrowserFamily(browser, platform));
    }

    @org.junit.jupiter.api.Test
    void namesNothingForAMissingUserAgent() {
        assertThat(BrowserFamily.of(null)).isEqualTo(new BrowserFamily("OTHER", "OTHER"));
    }
}
