package org.mutuality.directory.account;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The browser and platform of a session in plain words, read from its User-Agent: enough for a
 * person to tell their phone from their office computer, and nothing that identifies them (no
 * version, no address). Unknown values are {@code OTHER}.
 *
 * @param browser one of EDGE, OPERA, FIREFOX, CHROME, SAFARI, OTHER
 * @param platform one of ANDROID, IOS, WINDOWS, MACOS, LINUX, OTHER
 */
public record BrowserFamily(String browser, String platform) {

    public static BrowserFamily of(@Nullable String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        return new BrowserFamily(browser(ua), platform(ua));
    }

    private static String browser(String ua) {
        // Order matters: Edge and Opera also say Chrome, and Chrome also says Safari.
        if (ua.contains("edg/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "EDGE";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "OPERA";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "FIREFOX";
        }
        if (ua.contains("chrome/") || ua.contains("chromium/") || ua.contains("crios/")) {
            return "CHROME";
        }
        if (ua.contains("safari/")) {
            return "SAFARI";
        }
        return "OTHER";
    }

    private static String platform(String ua) {
        if (ua.contains("android")) {
            return "ANDROID";
        }
        if (ua.contains("iphone") || ua.contains("ipad") || ua.contains("ipod")) {
            return "IOS";
        }
        if (ua.contains("windows")) {
            return "WINDOWS";
        }
        if (ua.contains("mac os") || ua.contains("macintosh")) {
            return "MACOS";
        }
        if (ua.contains("linux") || ua.contains("x11")) {
            return "LINUX";
        }
        return "OTHER";
    }
}
