package org.mutuality.directory.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.mutuality.directory.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in browser session against the database at every request (see {@link Sessions}
 * for the rules). A session that is no longer valid is invalidated and the request goes on as
 * anonymous, so pages send it to sign-in; a valid one gets the person as they are now, with
 * today's roles, for this request. The session's stored copy of the person is left as it was: it
 * is never trusted without this check.
 */
class BrowserSessionFilter extends OncePerRequestFilter {

    private final Sessions sessions;

    BrowserSessionFilter(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            org.mutuality.directory.BrowserSessionId id = Sessions.browserSessionOf(request);
            // A session signed in without a recorded row (none is made outside the sign-in form) is
            // refused rather than recorded late: recording it now would put it in the current epoch.
            Optional<SignedInUser> current = id == null ? Optional.empty() : sessions.check(id, signedIn.accountId());
            if (current.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                SignedInUser user = current.get();
                user.eraseCredentials();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
