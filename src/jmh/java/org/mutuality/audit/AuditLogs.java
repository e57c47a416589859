package org.mutuality.audit;

import java.time.Clock;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.audit.store.TreeStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds an {@link AuditLog} outside Spring, for benchmarks. */
public final class AuditLogs {

    private AuditLogs() {}

    public static AuditLog create(
            AuditStore store, JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        return new AuditLog(store, new AuditTree(store, new TreeStore(jdbc), clock), clock, transactions);
    }
}
