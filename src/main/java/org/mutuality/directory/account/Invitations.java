package org.mutuality.directory.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links with which a person chooses the first password of an account someone else opened
 * for them. Only a SHA-256 hash of each link's token is stored; a link works once, until it expires.
 */
@Repository
public class Invitations {

    /** How long a link works. */
    public static final Duration LIFETIME = Duration.ofDays(3);

    private final JdbcClient jdbc;
    private final Clock clock;

    public Invitations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a link for the account and returns its token, which is never stored. */
    public Issued issue(AgencyId agency, AccountId account, PersonId by) {
        String token = Tokens.newSecret();
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        jdbc.sql("""
                        insert into account_invitation (id, agency_id, account_id, token_hash, created_by, created_at,
                                                        expires_at)
                        values (:id, :agency, :account, :hash, :by, :now, :expires)
                        """)
                .param("id", UUID.randomUUID())
                .param("agency", agency.value())
                .param("account", account.value())
                .param("hash", Tokens.hash(token))
                .param("by", by.value())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", expires.atOffset(ZoneOffset.UTC))
                .update();
        return new Issued(token, expires);
    }

    /** The account whose unused, unexpired link this is. */
    public Optional<AccountId> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select account_id from account_invitation
                        where token_hash = :hash and used_at is null and expires_at > :now
                        """)
                .param("hash", Tokens.hash(token))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new AccountId(rs.getObject("account_id", UUID.class)))
                .optional();
    }

    /** Uses the link up; false when it was used, expired or unknown (so a replay changes nothing). */
    public boolean use(String token) {
        return jdbc.sql("""
                                update account_invitation set used_at = :now
                                where token_hash = :hash and used_at is null and expires_at > :now
                                """)
                        .param("hash", Tokens.hash(token))
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** A link just made: the token goes into the email and nowhere else. */
    public record Issued(String token, Instant expiresAt) {}
}
