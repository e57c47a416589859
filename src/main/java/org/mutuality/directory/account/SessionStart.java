package org.mutuality.directory.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.BrowserSessionId;
import org.mutuality.directory.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * Records a browser session when the sign-in form succeeds (after the session id was changed) and
 * ends it, with the tokens tied to it, at sign-out.
 */
class SessionStart implements AuthenticationSuccessHandler, LogoutHandler {

    private final Sessions sessions;
    private final SavedRequestAwareAuthenticationSuccessHandler then =
            new SavedRequestAwareAuthenticationSuccessHandler();

    SessionStart(Sessions sessions) {
        this.sessions = sessions;
        then.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof SignedInUser user) {
            BrowserSessionId id = sessions.start(user, request.getHeader("User-Agent"));
            request.getSession().setAttribute(Sessions.ATTRIBUTE, id.value());
        }
        then.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void logout(
            HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        BrowserSessionId id = Sessions.browserSessionOf(request);
        if (id != null && authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            sessions.signOut(user, id);
        }
    }
}
