package org.mutuality.directory.web;

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
import org.mutuality.directory.Directory;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.account.ApiTokens;
import org.mutuality.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
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

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<TokenJson> token(@Valid @RequestBody Credentials credentials) {
        Authentication result = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
        SignedInUser user = (SignedInUser) result.getPrincipal();
        String label = credentials.label() == null || credentials.label().isBlank()
                ? "API"
                : credentials.label().strip();
        ApiTokens.IssuedToken issued = directory.issueToken(user, label, tokenLifetime);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TokenJson(issued.id(), issued.token(), issued.expiresAt()));
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
        return PersonJson.of(directory.requirePerson(user.agencyId(), user.personId()), user, LocalDate.now(clock));
    }

    @GetMapping("/api/v1/me/tokens")
    List<ApiTokens.TokenView> tokens(@AuthenticationPrincipal SignedInUser user) {
        return directory.tokensOf(user);
    }

    @PostMapping("/api/v1/me/tokens/{id}/revoke")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id) {
        if (!directory.revokeToken(user, id)) {
            throw new NotFoundException("active token", id);
        }
        return ResponseEntity.noContent().build();
    }

    record Credentials(
            @NotBlank @Size(max = 60) String username,
            @NotBlank @Size(max = 128) String password,
            @Size(max = 100) @Nullable String label) {

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    record TokenJson(UUID id, String token, Instant expiresAt) {}
}
