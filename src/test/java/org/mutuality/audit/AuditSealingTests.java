package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.audit.store.TreeStore;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.MutableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The sealer on a database of its own (no application sealing beside it): most sealings look back a
 * moment, and an entry whose transaction committed later than that is still sealed by the next
 * sealing that looks back a minute, a few seconds later.
 */
class AuditSealingTests {

    final MutableClock clock = new MutableClock();
    JdbcTemplate jdbc;
    AuditStore store;
    AuditLog log;
    AgencyId agency;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sealing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(h2);
        store = new AuditStore(jdbc);
        log = new AuditLog(
                store, new AuditTree(store, new TreeStore(jdbc), clock), clock, new DataSourceTransactionManager(h2));
        agency = new AgencyId(UUID.randomUUID());
        jdbc.update(
                "insert into agency (id, name, demo, created_at) values (?, 'Sealing', false, ?)",
                agency.value(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    @Test
    void sealsAnEntryThatCommittedLateAtTheNextLongerLook() {
        store.insert(read(), clock.instant());
        assertThat(log.seal()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        UUID late = store.insert(read(), clock.instant().minus(Duration.ofSeconds(20)));
        store.insert(read(), clock.instant());

        assertThat(log.seal()).as("a moment's look back").isEqualTo(1);
        assertThat(sealed(late)).isFalse();

        clock.advance(AuditLog.LATE_SWEEP.plusSeconds(1));

        assertThat(log.seal()).as("a minute's look back").isEqualTo(1);
        assertThat(sealed(late)).isTrue();
        Verification verification = log.verify(agency);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
    }

    @Test
    void sealsAnEntryOlderThanAMinuteAtTheNextFullSweep() {
        store.insert(read(), clock.instant());
        log.seal();
        UUID veryLate = store.insert(read(), clock.instant().minus(Duration.ofMinutes(5)));

        clock.advance(AuditLog.LATE_SWEEP.plusSeconds(1));
        log.seal();
        assertThat(sealed(veryLate)).isFalse();

        clock.advance(AuditLog.FULL_SWEEP);
        log.seal();
        assertThat(sealed(veryLate)).isTrue();
        assertThat(log.verify(agency).valid()).isTrue();
    }

    private boolean sealed(UUID entry) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("select count(*) > 0 from audit_chain where entry_id = ?", Boolean.class, entry));
    }

    private AuditEvent read() {
        return TestEvents.read(agency, null);
    }
}
