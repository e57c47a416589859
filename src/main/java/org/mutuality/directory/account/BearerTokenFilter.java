package org.mutuality.directory.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mutuality.directory.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}. A missing, unknown,
 * expired or revoked token, or one of an earlier session epoch, or of a deactivated person, leaves the
 * request anonymous, so the API answers 401. A locked account's tokens keep working: the lock stops
 * password sign-in only, so that anyone cannot lock someone out of their integrations.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    /** The request attribute that holds the id of the token the request came with. */
    public static final String TOKEN_ID = "org.mutuality.tokenId";

    private final TokenSignIn signIn;

    BearerTokenFilter(TokenSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            signIn.signIn(header.substring(7).strip()).ifPresent(signedIn -> {
                request.setAttribute(TOKEN_ID, signedIn.holder().tokenId());
                SignedInUser user = signedIn.user();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }
}
