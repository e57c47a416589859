package org.mutuality.directory.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.Person;
import org.mutuality.directory.SignedInUser;
import org.mutuality.directory.people.People;
import org.mutuality.shared.NodeSignals;
import org.mutuality.shared.Tokens;
import org.springframework.stereotype.Component;

/**
 * Who a bearer token signs in, kept in memory so that an authenticated read costs no query: the
 * token's holder, the user with today's roles and the person they are.
 *
 * <p>What is kept is dropped on every node as soon as anything it was read from changes: a token
 * revoked or ended with its browser session, a new session epoch (deactivation, a role ended, a
 * password changed, "end all my sessions"), a person's details, activity or roles. Those writes send a
 * {@link NodeSignals} signal that this node hears right after the commit and other nodes hear from
 * PostgreSQL within milliseconds; a read that raced with a change is answered but not kept. It is
 * also read again when the day changes (roles are those held today) and when the token expires. While
 * a node cannot be sure to hear other nodes, nothing is kept and every request reads the database, as
 * before. See ADR 0030.
 */
@Component
public class TokenSignIn {

    /** The topic of {@link NodeSignals} that says tokens or accounts changed. */
    public static final String TOPIC = "signed-in";

    /** Tokens kept at most; past this, everything is dropped and read again. */
    private static final int MOST_KEPT = 10_000;

    private final ApiTokens tokens;
    private final AccountUserDetails users;
    private final NodeSignals signals;
    private final Clock clock;
    private final ConcurrentMap<String, SignedIn> byHash = new ConcurrentHashMap<>();
    private final ConcurrentMap<AccountId, Person> personByAccount = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private long generation;

    TokenSignIn(ApiTokens tokens, AccountUserDetails users, NodeSignals signals, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.signals = signals;
        this.clock = clock;
        signals.subscribe(TOPIC, payload -> forgetAll());
        signals.subscribe(People.PEOPLE_TOPIC, payload -> forgetAll());
    }

    /** Who the token signs in, if it is valid now (see {@link ApiTokens#holderOf}). */
    public Optional<SignedIn> signIn(String token) {
        if (!ApiTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        boolean keep = signals.reliable();
        if (keep) {
            SignedIn known = byHash.get(hash);
            if (known != null
                    && known.day().equals(today)
                    && now.isBefore(known.holder().expiresAt())) {
                tokens.used(known.holder());
                return Optional.of(known);
            }
        }
        long before;
        synchronized (lock) {
            before = generation;
        }
        Optional<SignedIn> read = tokens.holderOf(hash)
                .flatMap(holder -> users.withPerson(holder.accountId()).map(found -> {
                    found.user().eraseCredentials();
                    return new SignedIn(holder, found.user(), found.person(), today);
                }));
        read.ifPresent(signedIn -> {
            tokens.used(signedIn.holder());
            synchronized (lock) {
                if (keep && generation == before && signals.reliable()) {
                    if (byHash.size() >= MOST_KEPT) {
                        byHash.clear();
                        personByAccount.clear();
                    }
                    byHash.put(hash, signedIn);
                    personByAccount.put(signedIn.user().accountId(), signedIn.person());
                }
            }
        });
        return read;
    }

    /**
     * The person a signed-in user is, as read when their token was last checked, if this node keeps
     * it: the same freshness as the user's roles.
     */
    public Optional<Person> personOf(SignedInUser user) {
        return signals.reliable() ? Optional.ofNullable(personByAccount.get(user.accountId())) : Optional.empty();
    }

    /** Drops everything kept; what is read before this and kept after it would be stale, so it is not. */
    void forgetAll() {
        synchronized (lock) {
            generation++;
            byHash.clear();
            personByAccount.clear();
        }
    }

    /** A valid token's holder, the user it signs in and the person they are, as of {@code day}. */
    public record SignedIn(ApiTokens.Holder holder, SignedInUser user, Person person, LocalDate day) {}
}
