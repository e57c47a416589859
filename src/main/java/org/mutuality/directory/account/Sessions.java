package org.mutuality.directory.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.AuditAction;
import org.mutuality.audit.AuditEvent;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditOutcome;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.ApiTokenId;
import org.mutuality.directory.BrowserSessionId;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInSession;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browser sessions and API tokens, seen together as the ways a person is signed in.
 *
 * <p>A browser session is valid at a request only while all of these hold, checked in this order:
 *
 * <ol>
 *   <li>it was not ended (signed out, ended by its owner, or ended with all the person's sessions);
 *   <li>it was started in the account's current session epoch: deactivation, a role ended, a password
 *       change or {@code Directory.endSessionsOf} start a new epoch, which ends every older session
 *       and token on every node at its next request;
 *   <li>it is younger than the absolute lifetime (12 hours unless configured), however active;
 *   <li>it was used within the idle timeout;
 *   <li>the person is still active and the account is not locked.
 * </ol>
 *
 * A valid session gets the person as they are now, with today's roles, so a role ended or added
 * takes effect at the next request.
 */
@Component
public class Sessions {

    /** The session attribute that names the browser session's row. */
    public static final String ATTRIBUTE = "org.mutuality.browserSession";

    /** How stale "last seen" may be before a request writes it again: one write a minute at most. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AccountUserDetails users;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration absoluteLifetime;
    private final Duration idleTimeout;

    Sessions(
            JdbcClient jdbc,
            Accounts accounts,
            ApiTokens tokens,
            AccountUserDetails users,
            AuditLog audit,
            Clock clock,
            @Value("${mutuality.security.session-absolute-lifetime:12h}") Duration absoluteLifetime,
            @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
        this.idleTimeout = idleTimeout;
    }

    /** The browser session of this request, if it is a signed-in browser session. */
    public static @Nullable BrowserSessionId browserSessionOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof UUID id ? new BrowserSessionId(id) : null;
    }

    /** The API token of this request, if it came with one. */
    public static @Nullable ApiTokenId tokenOf(HttpServletRequest request) {
        return request.getAttribute(BearerTokenFilter.TOKEN_ID) instanceof ApiTokenId id ? id : null;
    }

    /** Records a browser session that has just signed in, in the account's current epoch. */
    BrowserSessionId start(SignedInUser user, @Nullable String userAgent) {
        BrowserSessionId id = BrowserSessionId.random();
        BrowserFamily family = BrowserFamily.of(userAgent);
        jdbc.sql("""
                        insert into browser_session (id, agency_id, account_id, session_epoch, started_at, last_seen_at,
                                                     browser, platform)
                        values (:id, :agency, :account,
                                (select session_epoch from user_account where id = :account),
                                :now, :now, :browser, :platform)
                        """)
                .param("agency", user.agencyId().value())
                .param("id", id.value())
                .param("now", now())
                .param("browser", family.browser())
                .param("platform", family.platform())
                .param("account", user.accountId().value())
                .update();
        return id;
    }

    /**
     * The person of a browser session as they are now, if the session is still valid (see the class
     * comment); an invalid session is marked ended, with its reason.
     */
    Optional<SignedInUser> check(BrowserSessionId session, AccountId account) {
        Optional<State> found = jdbc.sql("""
                        select s.session_epoch, s.started_at, s.last_seen_at, s.ended_at, a.session_epoch as current_epoch
                        from browser_session s join user_account a on a.id = s.account_id
                        where s.id = :id and s.account_id = :account
                        """)
                .param("id", session.value())
                .param("account", account.value())
                .query((rs, n) -> new State(
                        rs.getInt("session_epoch"),
                        rs.getInt("current_epoch"),
                        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("ended_at", OffsetDateTime.class) != null))
                .optional();
        if (found.isEmpty() || found.get().ended()) {
            return Optional.empty();
        }
        State state = found.get();
        Instant now = clock.instant();
        String refusal = null;
        if (state.epoch() != state.currentEpoch()) {
            refusal = "ENDED";
        } else if (!now.isBefore(state.startedAt().plus(absoluteLifetime))) {
            refusal = "EXPIRED";
        } else if (!now.isBefore(state.lastSeenAt().plus(idleTimeout))) {
            refusal = "IDLE";
        }
        Optional<SignedInUser> user = refusal == null ? users.byAccount(account) : Optional.empty();
        if (refusal == null && user.isEmpty()) {
            refusal = "INACTIVE";
        } else if (refusal == null && !user.get().isAccountNonLocked()) {
            refusal = "LOCKED";
        }
        if (refusal != null) {
            end(session, refusal);
            return Optional.empty();
        }
        if (!now.isBefore(state.lastSeenAt().plus(TOUCH_EVERY))) {
            jdbc.sql("update browser_session set last_seen_at = :now where id = :id")
                    .param("now", now())
                    .param("id", session.value())
                    .update();
        }
        return user;
    }

    /** Ends a browser session at sign-out, with the tokens that were to end with it. */
    void signOut(SignedInUser user, BrowserSessionId session) {
        int before = tokens.openEndingWith(session);
        if (end(session, "SIGNED_OUT")) {
            audit.record(AuditEvent.by(user, AuditAction.END_SESSION, AuditOutcome.DONE)
                    .about(user.actorPersonId(), "SESSION", session.toString())
                    .noting("signed out; tokens ended with it: " + before));
        }
    }

    /** The person's browser sessions and API tokens that still work, newest first. */
    public List<SignedInSession> of(
            SignedInUser user, @Nullable BrowserSessionId currentSession, @Nullable ApiTokenId currentToken) {
        Instant now = clock.instant();
        List<SignedInSession> all = new ArrayList<>();
        jdbc.sql("""
                        select s.id, s.started_at, s.last_seen_at, s.browser, s.platform
                        from browser_session s join user_account a on a.id = s.account_id
                        where s.account_id = :account and s.agency_id = :agency and s.ended_at is null
                          and s.session_epoch = a.session_epoch and s.started_at > :startedAfter
                          and s.last_seen_at > :seenAfter
                        """)
                .param("account", user.accountId().value())
                .param("agency", user.agencyId().value())
                .param("startedAfter", utc(now.minus(absoluteLifetime)))
                .param("seenAfter", utc(now.minus(idleTimeout)))
                .query((rs, n) -> {
                    BrowserSessionId id = new BrowserSessionId(rs.getObject("id", UUID.class));
                    Instant started =
                            rs.getObject("started_at", OffsetDateTime.class).toInstant();
                    return new SignedInSession(
                            id,
                            SignedInSession.Kind.BROWSER,
                            rs.getString("browser"),
                            rs.getString("platform"),
                            null,
                            started,
                            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                            started.plus(absoluteLifetime),
                            id.equals(currentSession));
                })
                .list()
                .forEach(all::add);
        jdbc.sql("""
                        select t.id, t.label, t.created_at, t.last_used_at, t.expires_at
                        from api_token t join user_account a on a.id = t.account_id
                        where t.account_id = :account and t.agency_id = :agency and t.revoked_at is null
                          and t.expires_at > :now and t.session_epoch = a.session_epoch
                        """)
                .param("account", user.accountId().value())
                .param("agency", user.agencyId().value())
                .param("now", utc(now))
                .query((rs, n) -> {
                    ApiTokenId id = new ApiTokenId(rs.getObject("id", UUID.class));
                    OffsetDateTime used = rs.getObject("last_used_at", OffsetDateTime.class);
                    return new SignedInSession(
                            id,
                            SignedInSession.Kind.TOKEN,
                            null,
                            null,
                            rs.getString("label"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            used == null ? null : used.toInstant(),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            id.equals(currentToken));
                })
                .list()
                .forEach(all::add);
        all.sort(Comparator.comparing(SignedInSession::startedAt).reversed());
        return all;
    }

    /**
     * Ends one of the person's own browser sessions or tokens. Returns false, and ends nothing, when
     * the id is not one of theirs that still works.
     */
    public boolean endOne(SignedInUser user, UUID id) {
        return of(user, null, null).stream()
                .filter(s -> s.id().value().equals(id))
                .findFirst()
                .map(s -> s.id() instanceof BrowserSessionId session
                        ? endOwn(user, session)
                        : revokeOwn(user, (ApiTokenId) s.id()))
                .orElse(false);
    }

    private boolean endOwn(SignedInUser user, BrowserSessionId id) {
        boolean browser = jdbc.sql("""
                        update browser_session set ended_at = :now, end_reason = 'ENDED_BY_OWNER'
                        where id = :id and account_id = :account and ended_at is null
                        """)
                        .param("now", now())
                        .param("id", id.value())
                        .param("account", user.accountId().value())
                        .update()
                == 1;
        if (browser) {
            tokens.revokeEndingWith(id);
            audit.record(AuditEvent.by(user, AuditAction.END_SESSION, AuditOutcome.DONE)
                    .about(user.actorPersonId(), "SESSION", id.toString())
                    .noting("ended by its owner"));
            return true;
        }
        return false;
    }

    private boolean revokeOwn(SignedInUser user, ApiTokenId id) {
        if (tokens.revoke(user.agencyId(), user.accountId(), id)) {
            audit.record(revoked(user, id, "ended by its owner"));
            return true;
        }
        return false;
    }

    /** Ends all the person's browser sessions and tokens but the current one; returns how many. */
    public int endOthers(
            SignedInUser user, @Nullable BrowserSessionId currentSession, @Nullable ApiTokenId currentToken) {
        List<SignedInSession> others = of(user, currentSession, currentToken).stream()
                .filter(s -> !s.current())
                .toList();
        int ended = 0;
        for (SignedInSession other : others) {
            if (endOne(user, other.id().value())) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Ends every browser session and API token of an account at once, on every node: starts a new
     * epoch and marks what was open as ended, with one audit entry.
     *
     * @param by who did it, or null when the system did (the entry then has no actor)
     * @param keep a browser session that goes on in the new epoch (a password change keeps the
     *     session it was made in), or null
     */
    public void endEverything(
            AgencyId agency,
            AccountId account,
            PersonId person,
            String reason,
            @Nullable Actor by,
            @Nullable BrowserSessionId keep) {
        accounts.nextEpoch(account);
        int sessions = jdbc.sql("update browser_session set ended_at = :now, end_reason = :reason"
                        + " where account_id = :account and ended_at is null and id <> :keep")
                .param("now", now())
                .param("reason", reason)
                .param("account", account.value())
                // No session has the nil id, so without one to keep every session ends.
                .param("keep", keep == null ? new UUID(0, 0) : keep.value())
                .update();
        if (keep != null) {
            jdbc.sql("""
                            update browser_session set session_epoch = (select session_epoch from user_account where id = :account)
                            where id = :keep and account_id = :account and ended_at is null
                            """)
                    .param("account", account.value())
                    .param("keep", keep.value())
                    .update();
        }
        int ended = tokens.revokeAll(account);
        String detail = reason + "; browser sessions ended: " + sessions + "; tokens ended: " + ended;
        audit.record((by == null
                        ? new AuditEvent(
                                agency,
                                null,
                                null,
                                AuditAction.END_SESSIONS,
                                null,
                                null,
                                null,
                                null,
                                null,
                                AuditOutcome.DONE,
                                null)
                        : AuditEvent.by(by, AuditAction.END_SESSIONS, AuditOutcome.DONE))
                .about(person.value(), "ACCOUNT", account.value().toString())
                .noting(detail));
    }

    /** Ends the account's browser sessions (not its tokens), as a lock does. */
    void endBrowserSessions(AccountId account, String reason) {
        jdbc.sql("""
                        update browser_session set ended_at = :now, end_reason = :reason
                        where account_id = :account and ended_at is null
                        """)
                .param("now", now())
                .param("reason", reason)
                .param("account", account.value())
                .update();
    }

    /** An audit entry for a token revoked by its owner. */
    static AuditEvent revoked(SignedInUser user, ApiTokenId token, String how) {
        return AuditEvent.by(user, AuditAction.REVOKE_TOKEN, AuditOutcome.DONE)
                .about(user.actorPersonId(), "API_TOKEN", token.toString())
                .noting(how);
    }

    /**
     * Ends a browser session, however it ends (signed out, idle, too old, locked, a new epoch), and with
     * it the tokens that were to end with it.
     */
    private boolean end(BrowserSessionId session, String reason) {
        boolean ended = jdbc.sql("update browser_session set ended_at = :now, end_reason = :reason where id = :id"
                                + " and ended_at is null")
                        .param("now", now())
                        .param("reason", reason)
                        .param("id", session.value())
                        .update()
                == 1;
        if (ended) {
            tokens.revokeEndingWith(session);
        }
        return ended;
    }

    private OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record State(int epoch, int currentEpoch, Instant startedAt, Instant lastSeenAt, boolean ended) {}
}
