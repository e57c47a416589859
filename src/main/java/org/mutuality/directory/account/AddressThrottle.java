package org.mutuality.directory.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Limits how often one client address may try the doors anyone can knock on: the sign-in form
 * ({@code POST /login}), the token endpoint ({@code POST /api/v1/auth/token}) and the public contact
 * form ({@code POST /contact/form}), and the link that sets a first password ({@code POST
 * /account/invitation}, {@code POST /api/v1/auth/invitation}). Each door counts its own attempts, successful or not, in fixed
 * windows; past the limit the answer is 429 with {@code Retry-After} (problem+json for the API, a
 * short page otherwise) and the request goes no further.
 *
 * <p>The address is the request's remote address: a client-supplied {@code X-Forwarded-For} is
 * never read here; behind a proxy, Spring's forwarded-header handling (configured to trust only the
 * proxy) sets the remote address. Counts live in this node's memory, so N nodes allow up to N times
 * the limit: acceptable for a throttle whose job is to make guessing slow (the per-account lock in
 * the database stays exact), and it costs no database write per attempt. See ADR 0011.
 */
@Component
class AddressThrottle {

    /** Purging expired windows when the map grows past this keeps memory bounded under a flood. */
    private static final int PURGE_ABOVE = 10_000;

    private final int attempts;
    private final Duration window;
    private final Clock clock;
    private final MessageSource messages;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    AddressThrottle(
            @Value("${mutuality.security.address-throttle.attempts:30}") int attempts,
            @Value("${mutuality.security.address-throttle.window:5m}") Duration window,
            Clock clock,
            MessageSource messages) {
        if (attempts < 1) {
            throw new IllegalStateException(
                    "mutuality.security.address-throttle.attempts must be at least 1, was " + attempts);
        }
        this.attempts = attempts;
        this.window = window;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * A filter for a security chain. It is made here rather than declared as a bean, which Spring
     * Boot would also register outside the chains, after the sign-in filter has already run.
     */
    OncePerRequestFilter gate() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return door(request) == null;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String door = door(request);
                if (door == null || admit(door, request.getRemoteAddr(), response)) {
                    chain.doFilter(request, response);
                }
            }
        };
    }

    /** Counts an attempt; answers 429 and returns false past the limit. */
    private boolean admit(String door, String address, HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        if (windows.size() > PURGE_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.start.plus(window)));
        }
        Window current = windows.compute(
                door + " " + address,
                (key, w) -> w == null || !now.isBefore(w.start.plus(window)) ? new Window(now, 1) : w.count());
        if (current.attempts <= attempts) {
            return true;
        }
        long seconds =
                Math.max(1, Duration.between(now, current.start.plus(window)).toSeconds() + 1);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setCharacterEncoding("UTF-8");
        Locale locale = LocaleContextHolder.getLocale();
        if (door.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"https://mutuality.org/problems/too-many-attempts\",\"title\":\"Too Many"
                            + " Requests\",\"status\":429,\"detail\":\"Too many attempts from this address: try again"
                            + " in " + seconds + " seconds.\",\"retryAfterSeconds\":" + seconds + "}");
            return false;
        }
        String title = HtmlUtils.htmlEscape(messages.getMessage("throttle.title", null, locale));
        String text =
                HtmlUtils.htmlEscape(messages.getMessage("throttle.text", new Object[] {(seconds + 59) / 60}, locale));
        String back = door.equals("/contact/form") ? "/contact/form" : "/login";
        String link = HtmlUtils.htmlEscape(messages.getMessage("throttle.back", null, locale));
        response.setContentType("text/html");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                        + "</title><link rel=\"stylesheet\" href=\"/css/mutuality.css\"></head><body><main>"
                        + "<h1>" + title + "</h1><p role=\"alert\">" + text + "</p><p><a href=\"" + back + "\">"
                        + link + "</a></p></main></body></html>");
        return false;
    }

    private static @Nullable String door(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case "/login", "/api/v1/auth/token", "/contact/form", "/account/invitation", "/api/v1/auth/invitation" ->
                path;
            default -> null;
        };
    }

    private record Window(Instant start, int attempts) {
        Window count() {
            return new Window(start, attempts + 1);
        }
    }
}
