package org.mutuality.workforce.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.mutuality.directory.SignedInUser;
import org.mutuality.workforce.CodeOfConduct;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a staff member at the attestation page, at their first page after signing in, until they
 * have attested the agency's current code of conduct. Every page redirects there except: the
 * attestation page itself, the contact channel and its crisis resources ({@code /contact/**}),
 * sign-in and sign-out, the set-up and invitation pages, the error page, static files, and the JSON
 * API (see ADR 0023: API tokens are not held back). The language switch ({@code ?lang=}) is carried
 * to the attestation page, so it works there.
 *
 * <p>The check runs once per browser session: when it finds nothing due, the session is marked and
 * no later request of that session asks the database again. A version published while someone is
 * signed in reaches them at their next sign-in, as the code of conduct is meant to, not in the
 * middle of a task.
 */
@Component
class AttestationWall extends OncePerRequestFilter {

    static final String PAGE = "/code-of-conduct/attest";

    /** Marks a browser session in which nothing is due. */
    static final String CLEAR = AttestationWall.class.getName() + ".clear";

    private static final List<String> OPEN_PREFIXES = List.of(
            "/api/",
            "/contact/",
            "/css/",
            "/js/",
            "/img/",
            "/webjars/",
            "/actuator/",
            "/v3/api-docs",
            "/swagger-ui",
            "/error");

    private static final List<String> OPEN_PATHS = List.of(
            PAGE, "/contact", "/login", "/logout", "/setup", "/account/invitation", "/favicon.ico", "/favicon.svg");

    private final CodeOfConduct code;

    AttestationWall(CodeOfConduct code) {
        this.code = code;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (session == null
                || session.getAttribute(CLEAR) != null
                || authentication == null
                || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        if (!code.due(user)) {
            session.setAttribute(CLEAR, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        String lang = request.getParameter("lang");
        String target =
                request.getContextPath() + PAGE + ("en".equals(lang) || "fr".equals(lang) ? "?lang=" + lang : "");
        if (request.getHeader("HX-Request") != null) {
            // htmx follows a redirect inside the fragment it asked for; this header moves the whole page.
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", target);
    }
}
