package org.mutuality.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database cannot serve for a while" (503) rather than a bug (500). */
class DatabaseUnavailableTests {

    @ParameterizedTest(name = "SQLSTATE {0} ({1}): unavailable {2}")
    @CsvSource({
        "08001, connection refused, true",
        "08006, connection broken in the middle of a request, true",
        "57P01, terminated by the operator (a fast shutdown), true",
        "57P03, the database is starting up, true",
        "53100, disk full, true",
        "53300, too many connections, true",
        "25006, read-only transaction, true",
        "90097, H2 database read only, true",
        "23505, unique violation, false",
        "42P01, table missing, false",
        "22001, value too long, false",
    })
    void judgesTheSqlStateHoweverDeepItLies(String state, String what, boolean unavailable) {
        SQLException sql = new SQLException(what, state);
        UncategorizedSQLException translated = new UncategorizedSQLException("insert", "insert into x", sql);

        assertThat(DatabaseUnavailable.explains(sql)).isEqualTo(unavailable);
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("wrapped", translated)))
                .isEqualTo(unavailable);
    }

    @Test
    void takesWhatTheDriverSaysMaySucceedIfTriedAgainAsUnavailable() {
        assertThat(DatabaseUnavailable.explains(new SQLTimeoutException("lock timeout", "HYT00")))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new SQLTransactionRollbackException("deadlock", "40P01")))
                .isTrue();
    }

    @Test
    void takesNoConnectionWithinTheTimeoutAsUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException("request timed out");

        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("no connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("no connection", timedOut)))
                .isTrue();
    }

    @Test
    void takesACommitOrRollbackTheDriverCouldNotCarryOutAsUnavailable() {
        // After a connection died in a commit, the pool closed it, and the rollback that followed failed.
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseUnavailable.explains(rollback)).isTrue();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException("no transaction to commit")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new TransactionSystemException(
                        "Could not commit JDBC transaction", new SQLException("deferred check", "23514"))))
                .isFalse();
    }

    @Test
    void leavesBugsAndRefusedChangesToTheirOwnAnswers() {
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(DatabaseUnavailable.explains(new NullPointerException())).isFalse();
    }
}
