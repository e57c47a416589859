package org.mutuality.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.ApiToken;
import org.mutuality.directory.ApiTokenId;
import org.mutuality.directory.Directory;
import org.mutuality.directory.IssuedToken;
import org.mutuality.directory.SignedInSession;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.account.Sessions;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tokens and the signed-in person: {@code /api/v1/auth/token} and {@code /api/v1/me}. */
@RestController
class AccountApi {

    private final Directory directory;
    private final AuthenticationManager authentication;
    private final Duration tokenLifetime;
    private final Clock clock;

    AccountApi(
            Directory directory,
            AuthenticationManager authentication,
            @Value("${mutuality.api.token-lifetime:8h}") Duration tokenLifetime,
            Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.authentication = authentication;
        this.tokenLifetime = tokenLifetime;
    }

    /**
     * Signs in with a user name and password and issues a token. {@code lifetime} (ISO-8601, e.g.
     * {@code P7D}) is optional: without it the token lives {@code mutuality.api.token-lifetime}; longer
     * than {@code mutuality.security.token-max-lifetime} (30 days by default) is refused with 400.
     */
    /** The person chooses the first password of the account opened for them, with the emailed link's token. */
    @PostMapping("/api/v1/auth/invitation")
    ResponseEntity<Void> acceptInvitation(@Valid @RequestBody InvitationBody body) {
        directory.acceptInvitation(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    record InvitationBody(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "InvitationBody[hidden]";
        }
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<TokenJson> token(@Valid @RequestBody Credentials credentials) {
        Duration lifetime = credentials.lifetime() == null ? defaultLifetime() : parse(credentials.lifetime());
        if (lifetime.compareTo(directory.tokenMaxLifetime()) > 0) {
            throw new BadInputException(
                    "token.lifetime",
                    directory.tokenMaxLifetime(),
                    directory.tokenMaxLifetime().toDays(),
                    credentials.lifetime());
        }
        Authentication result;
        try {
            result = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
        } catch (AuthenticationServiceException e) {
            // The credentials could not be checked (the database is unavailable, say): that is no
            // refusal of them, and answers as the failure it is (503 while the database is away).
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        SignedInUser user = (SignedInUser) result.getPrincipal();
        String label = credentials.label() == null || credentials.label().isBlank()
                ? "API"
                : credentials.label().strip();
        IssuedToken issued = directory.issueToken(user, label, lifetime, null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenJson(issued.id().value(), issued.token(), issued.expiresAt()));
    }

    /** Ends the token this request came with: the API's sign-out. */
    @PostMapping("/api/v1/auth/sign-out")
    ResponseEntity<Void> signOut(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        ApiTokenId token = Sessions.tokenOf(request);
        if (token == null || !directory.revokeToken(user, token)) {
            throw new NotFoundException("notFound.activeToken", "of this request");
        }
        return ResponseEntity.noContent().build();
    }

    /** My browser sessions and API tokens that still work, newest first; the token of this request is marked. */
    @GetMapping("/api/v1/me/sessions")
    List<SessionJson> sessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        return directory.sessionsOf(user, null, Sessions.tokenOf(request)).stream()
                .map(SessionJson::of)
                .toList();
    }

    /** Ends one of my sessions or tokens; another person's id, or one already ended, is 404. */
    @PostMapping("/api/v1/me/sessions/{id}/end")
    ResponseEntity<Void> endSession(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        if (!directory.endSession(user, id)) {
            throw new NotFoundException("notFound.session", id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Ends all my sessions and tokens but the token of this request. */
    @PostMapping("/api/v1/me/sessions/end-others")
    EndedJson endOtherSessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        return new EndedJson(directory.endOtherSessions(user, null, Sessions.tokenOf(request)));
    }

    private Duration defaultLifetime() {
        return tokenLifetime.compareTo(directory.tokenMaxLifetime()) > 0 ? directory.tokenMaxLifetime() : tokenLifetime;
    }

    private Duration parse(String lifetime) {
        try {
            Duration duration = Duration.parse(lifetime.strip());
            if (duration.isNegative() || duration.isZero()) {
                throw new BadInputException(
                        "token.lifetime",
                        directory.tokenMaxLifetime(),
                        directory.tokenMaxLifetime().toDays(),
                        lifetime);
            }
            return duration;
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadInputException("token.lifetimeFormat", Explanation.field("lifetime"));
        }
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> signInFailed(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                "Sign-in failed. Check the user name and password; after repeated failures the account is"
                        + " paused for a few minutes.");
        problem.setTitle("Unauthorized");
        problem.setType(java.net.URI.create("https://mutuality.org/problems/unauthorized"));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @GetMapping("/api/v1/me")
    PersonJson me(@AuthenticationPrincipal SignedInUser user) {
        return PersonJson.of(directory.self(user), user, LocalDate.now(clock));
    }

    @GetMapping("/api/v1/me/tokens")
    List<ApiTokenJson> tokens(@AuthenticationPrincipal SignedInUser user) {
        return directory.tokensOf(user).stream().map(ApiTokenJson::of).toList();
    }

    @PostMapping("/api/v1/me/tokens/{id}/revoke")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        if (!directory.revokeToken(user, new ApiTokenId(id))) {
            throw new NotFoundException("notFound.activeToken", id);
        }
        return ResponseEntity.noContent().build();
    }

    record Credentials(
            @NotBlank @Size(max = 60) String username,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) @Nullable String label,
            @Size(max = 40) @Nullable String lifetime) {

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    record TokenJson(UUID id, String token, Instant expiresAt) {}

    /** One of my API tokens as listed: the id as a plain UUID string, never the secret. */
    record ApiTokenJson(
            UUID id,
            String label,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt) {

        static ApiTokenJson of(ApiToken t) {
            return new ApiTokenJson(
                    t.id().value(), t.label(), t.createdAt(), t.expiresAt(), t.lastUsedAt(), t.revokedAt());
        }
    }

    /** A browser session ({@code kind} BROWSER, with browser and platform) or an API token (TOKEN, with its label). */
    record SessionJson(
            UUID id,
            String kind,
            @Nullable String browser,
            @Nullable String platform,
            @Nullable String label,
            Instant startedAt,
            @Nullable Instant lastSeenAt,
            Instant expiresAt,
            boolean current) {
        static SessionJson of(SignedInSession s) {
            return new SessionJson(
                    s.id().value(),
                    s.kind().name(),
                    s.browser(),
                    s.platform(),
                    s.label(),
                    s.startedAt(),
                    s.lastSeenAt(),
                    s.expiresAt(),
                    s.current());
        }
    }

    record EndedJson(int ended) {}
}
