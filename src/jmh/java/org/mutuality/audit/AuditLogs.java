package org.mutuality.audit;

import java.time.Clock;
import org.mutuality.audit.store.AuditStore;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds an {@link AuditLog} outside Spring, for benchmarks. */
public final class AuditLogs {

    private AuditLogs() {}

    public static AuditLog create(AuditStore store, Clock clock, PlatformTransactionManager transactions) {
        return new AuditLog(store, clock, transactions);
    }
}
