package org.mutuality.directory.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.people.People;
import org.mutuality.shared.KeptUntilChanged;
import org.mutuality.shared.NodeSignals;
import org.mutuality.shared.Tokens;
import org.springframework.stereotype.Component;

/**
 * Who a bearer token signs in, kept in memory so that an authenticated read costs no query: the
 * token's holder and the user with today's roles.
 *
 * <p>What is kept is dropped on every node as soon as anything it was read from changes: a token
 * revoked or ended with its browser session, a new session epoch (deactivation, a role ended, a
 * password changed, "end all my sessions"), a person's details, activity or roles. Those writes send a
 * {@link NodeSignals} signal that this node hears right after the commit and other nodes hear from
 * PostgreSQL within milliseconds ({@link KeptUntilChanged}). It is also read again when the day
 * changes (roles are those held today) and once the token has expired. See ADR 0030.
 */
@Component
public class TokenSignIn {

    /** The topic of {@link NodeSignals} that says tokens or accounts changed. */
    public static final String TOPIC = "signed-in";

    /** Tokens kept at most; past this, everything is dropped and read again. */
    private static final int MOST_KEPT = 10_000;

    private final ApiTokens tokens;
    private final AccountUserDetails users;
    private final Clock clock;
    private final KeptUntilChanged<String, SignedIn> kept;

    TokenSignIn(ApiTokens tokens, AccountUserDetails users, NodeSignals signals, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.kept = new KeptUntilChanged<>(signals, clock, People.KEPT_FOR, MOST_KEPT, TOPIC, People.PEOPLE_TOPIC);
    }

    /** Who the token signs in, if it is valid now (see {@link ApiTokens#holderOf}). */
    public Optional<SignedIn> signIn(String token) {
        if (!ApiTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Optional<SignedIn> signedIn = kept.read(
                Tokens.hash(token),
                known ->
                        known.day().equals(today) && now.isBefore(known.holder().expiresAt()),
                () -> tokens.holderOf(Tokens.hash(token))
                        .flatMap(holder -> users.byAccount(holder.accountId()).map(user -> {
                            user.eraseCredentials();
                            return new SignedIn(holder, user, today);
                        })));
        signedIn.ifPresent(s -> tokens.used(s.holder()));
        return signedIn;
    }

    /** A valid token's holder and the user it signs in, as of {@code day}. */
    public record SignedIn(ApiTokens.Holder holder, SignedInUser user, LocalDate day) {}
}
