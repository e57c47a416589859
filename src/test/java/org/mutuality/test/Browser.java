package org.mutuality.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's Chromium driven by Playwright. It never downloads a browser. Without Chromium the
 * browser tests are skipped on a developer's machine and fail on CI.
 *
 * <p>A browser test registers one for the class; it launches Chromium before the class's tests,
 * closes it after them, and knows the address of the application under test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = Browser.chromium();
 *
 * Page page = browser.signIn("peer", Api.DEMO_PASSWORD);   // a phone-sized page, signed in
 * page.navigate(browser.url("/timesheets"));
 * }</pre>
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** A phone's screen, where Mutuality is used most. */
    public static final Viewport PHONE = new Viewport(390, 844);

    /** A laptop's screen. */
    public static final Viewport DESKTOP = new Viewport(1280, 900);

    private @Nullable Playwright playwright;
    private com.microsoft.playwright.@Nullable Browser chromium;
    private @Nullable String base;

    private Browser() {}

    /** A browser for a test class, to register with {@code @RegisterExtension} on a static field. */
    public static Browser chromium() {
        return new Browser();
    }

    /** Launches Chromium now; the caller closes it. */
    public static Browser launch() {
        Browser browser = new Browser();
        browser.start();
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        String port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port");
        base = "http://localhost:" + port;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start() {
        boolean present = Files.isExecutable(CHROMIUM);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("Chromium is missing at " + CHROMIUM + "; CI must install it");
        }
        assumeTrue(present, "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)");
        // CI shares two cores among the application, PostgreSQL and Chromium: a page can take more
        // than Playwright's default five seconds there, which is a slow machine, not a failure.
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic",
                                "--disable-gpu")));
    }

    /** The address of a path of the application under test, such as {@code url("/people")}. */
    public String url(String path) {
        if (base == null) {
            throw new IllegalStateException("register the browser with @RegisterExtension to know the application");
        }
        return base + path;
    }

    /** A new page in a fresh context (no cookies), at the given viewport size. */
    public Page newPage(int width, int height) {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is not running");
        }
        return chromium.newContext(
                        new NewContextOptions().setViewportSize(width, height).setLocale("en-CA"))
                .newPage();
    }

    /** A new page in a fresh context (no cookies), on a screen of that size. */
    public Page newPage(Viewport screen) {
        return newPage(screen.width(), screen.height());
    }

    /**
     * Opens the header's menu where a phone folds it behind its "Menu" button, so that its links and
     * the language switch can be clicked; on a wide screen the menu is always open.
     */
    public static void openMenu(Page page) {
        com.microsoft.playwright.Locator button = page.locator(".menu-button");
        if (button.count() > 0 && button.isVisible() && "false".equals(button.getAttribute("aria-expanded"))) {
            button.click();
        }
    }

    /** A new phone-sized page, signed in; fails if the sign-in does not succeed. */
    public Page signIn(String username, String password) {
        return signIn(username, password, PHONE);
    }

    /** A new page on a screen of that size, signed in; fails if the sign-in does not succeed. */
    public Page signIn(String username, String password, Viewport screen) {
        Page page = newPage(screen);
        page.navigate(url("/login"));
        submitSignIn(page, username, password);
        return page;
    }

    /**
     * Fills and sends the sign-in form the page shows (in any language), and waits until the
     * application lets the person in; fails if it does not.
     */
    public static void submitSignIn(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("form[action$='/login'] button[type=submit]").click();
        try {
            page.waitForURL(url -> !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(15_000));
        } catch (PlaywrightException e) {
            throw new AssertionError("sign-in of " + username + " failed, still at " + page.url(), e);
        }
    }

    /** The size of a screen, in CSS pixels. */
    public record Viewport(int width, int height) {}

    /** Fails if axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(serious).as("accessibility violations on " + page.url()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .toList();
    }

    @Override
    public void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
