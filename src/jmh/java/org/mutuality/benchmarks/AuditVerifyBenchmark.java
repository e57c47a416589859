package org.mutuality.benchmarks;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.mutuality.audit.AuditLog;
import org.mutuality.audit.AuditLogs;
import org.mutuality.audit.Verification;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.shared.AgencyId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Verifying an agency's audit chain of 1,000,000 entries, end to end: the real migrations, the real
 * store and sealer, on an in-memory H2 database. Set {@code -Djdbc.url=jdbc:postgresql://...} (with
 * {@code -Djdbc.user}) to measure on an empty PostgreSQL database instead.
 */
@State(Scope.Benchmark)
public class AuditVerifyBenchmark {

    @Param({"1000000"})
    int entries;

    AuditLog log;
    AgencyId agency;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        javax.sql.DataSource dataSource = dataSource();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        log = AuditLogs.create(new AuditStore(jdbc), jdbc, Clock.systemUTC(), new DataSourceTransactionManager(dataSource));
        String name = "Benchmark " + entries;
        List<UUID> sealedBefore = jdbc.queryForList(
                "select a.id from agency a join audit_head h on h.agency_id = a.id where a.name = ? and h.seq = ?",
                UUID.class,
                name,
                entries);
        if (!sealedBefore.isEmpty()) {
            // A chain of this size sealed by an earlier run: sealing a million entries takes minutes
            // and is not what is measured, so it is kept in the benchmark database and reused.
            agency = new AgencyId(sealedBefore.get(0));
            System.out.printf("reusing the sealed chain of %d entries of an earlier run%n", entries);
            return;
        }
        agency = new AgencyId(UUID.randomUUID());
        jdbc.update(
                "insert into agency (id, name, demo, created_at) values (?, ?, false, ?)",
                agency.value(),
                name,
                OffsetDateTime.now(ZoneOffset.UTC));
        // Entries 10 ms apart, as a busy agency records them: the sealer looks back one minute for
        // late commits, so a million entries recorded within one second would make it rescan them all.
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusNanos(entries * 10_000_000L);
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            batch.add(new Object[] {
                UUID.randomUUID(), agency.value(), start.plusNanos(i * 10_000_000L), UUID.randomUUID(), "CLINICIAN",
                "READ", UUID.randomUUID(), "CARE_NOTES", "CARE", "CIRCLE_OF_CARE", "ALLOWED"
            });
            if (batch.size() == 10_000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        insert(jdbc, batch);
        long sealStart = System.nanoTime();
        int sealed = log.seal();
        System.out.printf("sealed %d entries in %d ms%n", sealed, (System.nanoTime() - sealStart) / 1_000_000);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate(
                "insert into audit_entry (id, agency_id, recorded_at, actor_id, actor_roles, action, subject_id,"
                        + " record_kind, purpose, basis, outcome) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
    }

    private static javax.sql.DataSource dataSource() {
        String url = System.getProperty("jdbc.url");
        if (url == null) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:audit-bench;DB_CLOSE_DELAY=-1");
            return h2;
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setUrl(url);
        pg.setUser(System.getProperty("jdbc.user", "postgres"));
        return pg;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Verification verify() {
        Verification v = log.verify(agency);
        if (!v.valid() || v.entries() != entries) {
            throw new IllegalStateException("unexpected verification " + v);
        }
        return v;
    }
}
