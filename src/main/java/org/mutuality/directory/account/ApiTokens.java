package org.mutuality.directory.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.ApiToken;
import org.mutuality.directory.ApiTokenId;
import org.mutuality.directory.BrowserSessionId;
import org.mutuality.directory.IssuedToken;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.NodeSignals;
import org.mutuality.shared.Tokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bearer tokens for scripts. Only a SHA-256 hash of each token is stored, so a copy of the database
 * does not let anyone sign in; a token is shown once, when it is issued.
 */
@Repository
public class ApiTokens {

    private static final String PREFIX = "mut_";

    /** How often a token's "last used" is written: a read is not a write each time. */
    static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);

    /** Tokens whose "last used" this node remembers writing; forgotten past this many. */
    private static final int MOST_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NodeSignals signals;
    private final Duration browserLifetime;
    private final Duration browserIdle;
    private final Map<ApiTokenId, Instant> lastWritten = new ConcurrentHashMap<>();

    /**
     * @param browserLifetime how long a browser session lives at most: a token that ends with its
     *     browser session ends then too, even if the browser never comes back to be told
     * @param browserIdle how long a browser session may go unused
     */
    public ApiTokens(
            JdbcClient jdbc,
            Clock clock,
            NodeSignals signals,
            @Value("${mutuality.security.session-absolute-lifetime:12h}") Duration browserLifetime,
            @Value("${server.servlet.session.timeout:30m}") Duration browserIdle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
        this.browserLifetime = browserLifetime;
        this.browserIdle = browserIdle;
    }

    /**
     * Issues a token in the account's current session epoch.
     *
     * @param browserSession the browser session whose sign-out also ends this token, or null
     */
    public IssuedToken issue(
            AgencyId agency,
            AccountId account,
            String label,
            Duration lifetime,
            @Nullable BrowserSessionId browserSession) {
        String token = PREFIX + Tokens.newSecret();
        ApiTokenId id = ApiTokenId.random();
        OffsetDateTime now = now();
        OffsetDateTime expires = now.plus(lifetime);
        jdbc.sql("""
                        insert into api_token (id, agency_id, account_id, token_hash, label, created_at, expires_at,
                                               session_epoch, browser_session_id)
                        values (:id, :agency, :account, :hash, :label, :now, :expires,
                                (select session_epoch from user_account where id = :account), :session)
                        """)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("account", account.value())
                .param("hash", Tokens.hash(token))
                .param("label", label)
                .param("now", now)
                .param("expires", expires)
                .param("session", browserSession == null ? null : browserSession.value())
                .update();
        return new IssuedToken(id, token, expires.toInstant());
    }

    /** Whether the text can be a token at all; anything else is refused without a query. */
    static boolean wellFormed(String token) {
        return token.startsWith(PREFIX) && token.length() <= 100;
    }

    /**
     * The token and the account it belongs to, if the token exists, has not expired, was not revoked
     * and was issued in the account's current session epoch. Does not note it used: see {@link #used}.
     *
     * @param hash the token's hash ({@link Tokens#hash})
     */
    Optional<Holder> holderOf(String hash) {
        return jdbc.sql("""
                        select t.id, t.account_id, t.expires_at from api_token t
                        join user_account a on a.id = t.account_id
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now
                          and t.session_epoch = a.session_epoch
                          and (t.browser_session_id is null or exists (
                                select 1 from browser_session s where s.id = t.browser_session_id
                                and s.ended_at is null and s.started_at > :startedAfter and s.last_seen_at > :seenAfter))
                        """)
                .param("hash", hash)
                .param("now", now())
                .param("startedAfter", now().minus(browserLifetime))
                .param("seenAfter", now().minus(browserIdle))
                .query((rs, n) -> new Holder(
                        new ApiTokenId(rs.getObject("id", UUID.class)),
                        new AccountId(rs.getObject("account_id", UUID.class)),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * Notes that the token was used, at most once a minute per token: within the minute nothing is
     * written, so an authenticated read stays a read. Another node may write it once more in the
     * same minute, which is harmless.
     */
    void used(Holder holder) {
        Instant now = clock.instant();
        Instant written = lastWritten.get(holder.tokenId());
        if (written != null && written.plus(LAST_USED_EVERY).isAfter(now)) {
            return;
        }
        if (lastWritten.size() >= MOST_REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(holder.tokenId(), now);
        jdbc.sql(
                        "update api_token set last_used_at = :now where id = :id and (last_used_at is null or last_used_at < :since)")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("since", now.minus(LAST_USED_EVERY).atOffset(ZoneOffset.UTC))
                .param("id", holder.tokenId().value())
                .update();
    }

    public List<ApiToken> of(AgencyId agency, AccountId account) {
        return jdbc.sql("""
                        select id, label, created_at, expires_at, last_used_at, revoked_at from api_token
                        where agency_id = :agency and account_id = :account order by created_at desc
                        """)
                .param("agency", agency.value())
                .param("account", account.value())
                .query((rs, n) -> new ApiToken(
                        new ApiTokenId(rs.getObject("id", UUID.class)),
                        rs.getString("label"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .list();
    }

    /** Revokes one of the account's own tokens; returns false if it is not theirs or already revoked. */
    public boolean revoke(AgencyId agency, AccountId account, ApiTokenId tokenId) {
        return changed(jdbc.sql("""
                        update api_token set revoked_at = :now
                        where id = :id and agency_id = :agency and account_id = :account and revoked_at is null
                        """)
                        .param("now", now())
                        .param("id", tokenId.value())
                        .param("agency", agency.value())
                        .param("account", account.value())
                        .update())
                == 1;
    }

    /** Revokes every token of the account still open; returns how many. */
    public int revokeAll(AccountId account) {
        return changed(
                jdbc.sql("update api_token set revoked_at = :now where account_id = :account and revoked_at is null")
                        .param("now", now())
                        .param("account", account.value())
                        .update());
    }

    /** Revokes the tokens that were to end with this browser session; returns how many. */
    public int revokeEndingWith(BrowserSessionId browserSession) {
        return changed(jdbc.sql("""
                        update api_token set revoked_at = :now
                        where browser_session_id = :session and revoked_at is null
                        """)
                .param("now", now())
                .param("session", browserSession.value())
                .update());
    }

    /** How many tokens still open were to end with this browser session. */
    int openEndingWith(BrowserSessionId browserSession) {
        return jdbc.sql("select count(*) from api_token where browser_session_id = :session and revoked_at is null")
                .param("session", browserSession.value())
                .query(Integer.class)
                .single();
    }

    /** Tells every node's signed-in cache that tokens changed, once the change commits. */
    private int changed(int rows) {
        if (rows > 0) {
            signals.send(TokenSignIn.TOPIC, NodeSignals.EVERYTHING);
        }
        return rows;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** Who holds a valid token: the token's id and its account. */
    public record Holder(ApiTokenId tokenId, AccountId accountId, Instant expiresAt) {}
}
