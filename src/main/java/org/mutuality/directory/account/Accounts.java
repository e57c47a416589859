package org.mutuality.directory.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.AccountId;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.NodeSignals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-in accounts. A user name is unique across the installation; an account belongs to one person. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NodeSignals signals;

    public Accounts(JdbcClient jdbc, Clock clock, NodeSignals signals) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signals = signals;
    }

    public AccountId insert(AgencyId agency, PersonId person, String username, String passwordHash) {
        AccountId id = AccountId.random();
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into user_account (id, agency_id, person_id, username, password_hash, failed_attempts,
                                                  created_at, password_changed_at)
                        values (:id, :agency, :person, :username, :hash, 0, :now, :now)
                        """)
                .param("id", id.value())
                .param("agency", agency.value())
                .param("person", person.value())
                .param("username", username)
                .param("hash", passwordHash)
                .param("now", now)
                .update();
        return id;
    }

    public Optional<AccountRow> findByUsername(String username) {
        return jdbc.sql("select * from user_account where username = :username")
                .param("username", normalize(username))
                .query((rs, n) -> new AccountRow(
                        new AccountId(rs.getObject("id", UUID.class)),
                        new AgencyId(rs.getObject("agency_id", UUID.class)),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getInt("failed_attempts"),
                        toInstant(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional();
    }

    public Optional<AccountRow> findById(AccountId id) {
        return jdbc.sql("select username from user_account where id = :id")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .flatMap(this::findByUsername);
    }

    /** The account of a person of the agency, if they can sign in. */
    public Optional<AccountId> idOf(AgencyId agency, PersonId person) {
        return jdbc.sql("select id from user_account where person_id = :person and agency_id = :agency")
                .param("person", person.value())
                .param("agency", agency.value())
                .query((rs, n) -> new AccountId(rs.getObject("id", UUID.class)))
                .optional();
    }

    /**
     * Starts a new session epoch for the account: every browser session and API token started in an
     * earlier epoch stops working at its next request, on every node.
     */
    public void nextEpoch(AccountId id) {
        jdbc.sql("update user_account set session_epoch = session_epoch + 1 where id = :id")
                .param("id", id.value())
                .update();
        signals.send(TokenSignIn.TOPIC, NodeSignals.EVERYTHING);
    }

    public Optional<String> usernameOf(AgencyId agency, PersonId person) {
        return jdbc.sql("select username from user_account where person_id = :person and agency_id = :agency")
                .param("person", person.value())
                .param("agency", agency.value())
                .query(String.class)
                .optional();
    }

    public boolean anyExist() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single() > 0;
    }

    /**
     * Counts a failed sign-in; when the count reaches {@code threshold} the account is locked for
     * {@code lockFor}. Unknown user names change nothing.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailure(String username, int threshold, Duration lockFor) {
        jdbc.sql("update user_account set failed_attempts = failed_attempts + 1 where username = :username")
                .param("username", normalize(username))
                .update();
        return jdbc.sql("""
                        update user_account set locked_until = :until, failed_attempts = 0
                        where username = :username and failed_attempts >= :threshold
                        """)
                        .param("until", now().plus(lockFor))
                        .param("username", normalize(username))
                        .param("threshold", threshold)
                        .update()
                == 1;
    }

    public void recordSuccess(String username) {
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null where username = :username")
                .param("username", normalize(username))
                .update();
    }

    public void changePassword(AccountId id, String passwordHash) {
        jdbc.sql("update user_account set password_hash = :hash, password_changed_at = :now where id = :id")
                .param("hash", passwordHash)
                .param("now", now())
                .param("id", id.value())
                .update();
        signals.send(TokenSignIn.TOPIC, NodeSignals.EVERYTHING);
    }

    /** User names are stored in lower case and compared without surrounding spaces. */
    static String normalize(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static @Nullable Instant toInstant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A stored account. */
    public record AccountRow(
            AccountId id,
            AgencyId agencyId,
            PersonId personId,
            String username,
            String passwordHash,
            int failedAttempts,
            @Nullable Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }
}
