package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The chain holds, and tampering behind the application's back (a changed, removed or reordered
 * entry) is found at the first broken entry, on H2 and on PostgreSQL.
 */
@IntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    AuditLog log;

    @Autowired
    TestAgency demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.mutuality.audit.store.AuditStore store;

    @Autowired
    AuditTree tree;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    AgencyId agency;

    @BeforeEach
    void agencyWithFiveEntries() {
        agency = demo.inAgency("Audit").id();
        for (int i = 0; i < 5; i++) {
            log.record(TestEvents.read(agency, "entry " + (i + 1)));
        }
        log.seal();
    }

    @Test
    void verifiesAnIntactChain() {
        Verification verification = log.verify(agency);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.head()).isEqualTo(log.head(agency).hash());
    }

    @Test
    void namesTheEntryThatWasChanged() {
        tamper(
                "update audit_entry set outcome = 'DENIED' where id = (select entry_id from audit_chain where agency_id = ? and seq = 3)");

        assertThat(log.verify(agency).firstBrokenSeq()).isEqualTo(3);
        assertThat(log.verify(agency).problem()).contains("changed");
    }

    @Test
    void namesTheEntryThatWasRemoved() {
        String entry = entryAt(2);
        // In one transaction: between two, the sealer would link the unchained entry again.
        tamper(
                "delete from audit_chain where agency_id = ? and seq = 2",
                "delete from audit_entry where id = '" + entry + "' and agency_id = ?");

        assertThat(log.verify(agency).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void namesTheFirstOfTwoEntriesThatWereSwapped() {
        tamper("update audit_chain set seq = -1 where agency_id = ? and seq = 2");
        tamper("update audit_chain set seq = 2 where agency_id = ? and seq = 4");
        tamper("update audit_chain set seq = 4 where agency_id = ? and seq = -1");

        assertThat(log.verify(agency).firstBrokenSeq()).isEqualTo(2);
    }

    @Test
    void noticesThatTheLastEntriesWereCutOff() {
        String entry = entryAt(5);
        tamper("delete from audit_chain where agency_id = ? and seq = 5");
        tamper("delete from audit_entry where id = '" + entry + "' and agency_id = ?");

        Verification verification = log.verify(agency);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(5);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"intact", "change3", "remove2", "swap2and4", "cut5", "moveAway3", "rewriteHash4", "dropHead"})
    void findsTheSameFirstBrokenEntryWhenVerifyingInSeveralPasses(String tampering) {
        switch (tampering) {
            case "change3" ->
                tamper("update audit_entry set outcome = 'DENIED'"
                        + " where id = (select entry_id from audit_chain where agency_id = ? and seq = 3)");
            case "remove2" -> {
                String entry = entryAt(2);
                tamper("delete from audit_chain where agency_id = ? and seq = 2");
                tamper("delete from audit_entry where id = '" + entry + "' and agency_id = ?");
            }
            case "swap2and4" -> {
                tamper("update audit_chain set seq = -1 where agency_id = ? and seq = 2");
                tamper("update audit_chain set seq = 2 where agency_id = ? and seq = 4");
                tamper("update audit_chain set seq = 4 where agency_id = ? and seq = -1");
            }
            case "cut5" -> {
                String entry = entryAt(5);
                tamper("delete from audit_chain where agency_id = ? and seq = 5");
                tamper("delete from audit_entry where id = '" + entry + "' and agency_id = ?");
            }
            case "moveAway3" -> {
                // The entry row stays but is moved to another agency, out of this one's log.
                AgencyId other = demo.inAgency("Other").id();
                tamper("update audit_entry set agency_id = '" + other.value() + "'"
                        + " where id = (select entry_id from audit_chain where agency_id = ? and seq = 3)");
            }
            case "rewriteHash4" -> tamper("update audit_chain set hash = upper(hash) where agency_id = ? and seq = 4");
            case "dropHead" -> tamper("delete from audit_head where agency_id = ?");

            default -> {}
        }
        Verification whole = log.verify(agency);
        java.util.Map<String, String> expected = java.util.Map.of(
                "change3", "entry 3 was changed",
                "remove2", "entry 2 is missing",
                "swap2and4", "entry 2 does not follow entry 1",
                "cut5", "entries after 4 were removed",
                "moveAway3", "entry 3 was removed",
                "rewriteHash4", "entry 4 was changed",
                "dropHead", "the head of the chain was removed");
        assertThat(whole.problem()).isEqualTo(expected.get(tampering));
        assertThat(log.seal()).as("the sealer goes on for other agencies").isNotNegative();

        for (int pass = 1; pass <= 5; pass++) {
            Verification inPasses = log.verify(agency, pass);
            assertThat(inPasses.valid()).as("passes of " + pass).isEqualTo(whole.valid());
            assertThat(inPasses.firstBrokenSeq()).as("passes of " + pass).isEqualTo(whole.firstBrokenSeq());
            assertThat(inPasses.problem()).as("passes of " + pass).isEqualTo(whole.problem());
            assertThat(inPasses.head()).as("passes of " + pass).isEqualTo(whole.head());
        }
        assertThat(whole.valid()).isEqualTo(tampering.equals("intact"));
    }

    @Test
    void refusesUpdateAndDeleteOnPostgres() throws SQLException {
        if (!demo.onPostgres()) {
            return;
        }
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 'DENIED' where agency_id = :a")
                        .param("a", agency.value())
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_chain where agency_id = :a")
                        .param("a", agency.value())
                        .update())
                .hasMessageContaining("append-only");
        assertThat(log.verify(agency).valid()).isTrue();
    }

    @Test
    void relaxesCommitDurabilityOnlyForTheTransactionThatAsksOnPostgres() throws SQLException {
        if (!demo.onPostgres()) {
            return;
        }
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        String inside = tx.execute(status -> {
            store.relaxDurabilityOfThisTransaction();
            return jdbc.sql("show synchronous_commit").query(String.class).single();
        });
        String after = tx.execute(status ->
                jdbc.sql("show synchronous_commit").query(String.class).single());
        assertThat(inside).isEqualTo("off");
        assertThat(after).isEqualTo("on");
    }

    @Test
    void batchedReadsAreAllWrittenSealedAndVerifiedEvenWhenReadersOutrunTheQueue() throws Exception {
        AuditLog batched = new AuditLog(
                store,
                tree,
                java.time.Clock.systemUTC(),
                transactions,
                "batched",
                java.time.Duration.ofMillis(20),
                100);
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(readers.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        batched.recordRead(read("batched"));
                    }
                }));
            }
            for (var reader : done) {
                reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }

        assertThat(batched.flushReads(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(batched.readsWaiting()).isZero();
        assertThat(entries()).isEqualTo(5 + 1000);
        batched.seal();
        Verification verification = log.verify(agency);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(1005);

        batched.stop();
        assertThatThrownBy(() -> batched.recordRead(read("after stop")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void batchedReadsWaitWhileTheDatabaseIsDownAndAreWrittenWhenItIsBack() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        DataSource flaky = new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (down.get()) {
                    throw new SQLException("the database is down (test)");
                }
                return super.getConnection();
            }
        };
        AuditLog batched = new AuditLog(
                new org.mutuality.audit.store.AuditStore(new org.springframework.jdbc.core.JdbcTemplate(flaky)),
                tree,
                java.time.Clock.systemUTC(),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(flaky),
                "batched",
                java.time.Duration.ofMillis(20),
                100);
        try {
            for (int i = 0; i < 10; i++) {
                batched.recordRead(read("while down"));
            }
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(batched::readWritesFailing);
            assertThat(batched.flushReads(java.time.Duration.ofMillis(100))).isFalse();
            assertThat(batched.readsWaiting()).isEqualTo(10);
            assertThat(entries()).isEqualTo(5);

            down.set(false);

            assertThat(batched.flushReads(java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(entries()).isEqualTo(5 + 10);
            assertThat(batched.readWritesFailing()).isFalse();
        } finally {
            down.set(false);
            batched.stop();
        }
    }

    @Test
    void refusesAnEntryTheDatabaseWouldRefuseAndAnUnknownDurability() {
        assertThatThrownBy(() -> new AuditEvent(
                        agency,
                        null,
                        null,
                        AuditAction.READ,
                        null,
                        "NOTES".repeat(9),
                        null,
                        null,
                        null,
                        AuditOutcome.ALLOWED,
                        null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("recordKind");
        assertThatThrownBy(() -> new AuditLog(
                        store,
                        tree,
                        java.time.Clock.systemUTC(),
                        transactions,
                        "fast",
                        java.time.Duration.ofMillis(50),
                        1000))
                .hasMessageContaining("synchronous, relaxed or batched");
        assertThatThrownBy(() -> new AuditLog(
                        store,
                        tree,
                        java.time.Clock.systemUTC(),
                        transactions,
                        "batched",
                        java.time.Duration.ZERO,
                        1000))
                .hasMessageContaining("batch-interval");
    }

    private AuditEvent read(String detail) {
        return TestEvents.read(agency, detail);
    }

    private long entries() {
        return jdbc.sql("select count(*) from audit_entry where agency_id = :a")
                .param("a", agency.value())
                .query(Long.class)
                .single();
    }

    @Test
    void readsSearchesAndVerifiesEntriesWrittenWithWordsNoLongerInUse() {
        // Before AuditAction, a change of contact settings or of the peer role text was recorded as
        // POLICY; entries are never rewritten, so that word stays readable.
        UUID old = UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_entry (id, agency_id, recorded_at, actor_id, action, record_kind, outcome)
                        values (:id, :agency, :at, :actor, 'POLICY', 'CONTACT_SETTINGS', 'DONE')
                        """)
                .param("id", old)
                .param("agency", agency.value())
                .param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .param("actor", UUID.randomUUID())
                .update();
        log.seal();

        assertThat(log.verify(agency).valid()).isTrue();
        assertThat(log.verify(agency).entries()).isEqualTo(6);
        assertThat(log.search(agency, null, null, "POLICY", null, null, 10))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.id()).isEqualTo(old);
                    assertThat(e.action()).isEqualTo("POLICY");
                    assertThat(e.outcome()).isEqualTo("DONE");
                });
    }

    @Test
    void recordsReadsOfAProfileInThePersonsOwnAccessLog() {
        Api api = demo.api();
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        assertThat(api.get("/api/v1/people/" + jordan, api.demoToken("psychiatrist"))
                        .status())
                .isEqualTo(200);

        JsonNode mine = api.get("/api/v1/me/access-log", api.demoToken("peer")).json();

        assertThat(mine.findValuesAsString("actorName")).contains("Hélène Tremblay");
        assertThat(mine.findValuesAsString("action")).contains("READ", "SIGN_IN");
    }

    @Test
    void letsThePrivacyLeadVerifyAndSearchButNotPeers() {
        Api api = demo.api();
        String privacy = api.demoToken("privacy");
        log.seal();

        JsonNode verification = api.get("/api/v1/audit/verify", privacy).json();

        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isPositive();
        assertThat(api.get("/api/v1/audit/verify", api.demoToken("peer")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/entries?action=SIGN_IN&limit=5", api.demoToken("privacy"))
                        .json())
                .isNotEmpty();
        assertThat(api.get("/api/v1/audit/entries", api.demoToken("admin")).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/entries?limit=100000", api.demoToken("privacy"))
                        .status())
                .isEqualTo(400);
    }

    private String entryAt(long seq) {
        return jdbc.sql("select entry_id from audit_chain where agency_id = :a and seq = :s")
                .param("a", agency.value())
                .param("s", seq)
                .query(UUID.class)
                .single()
                .toString();
    }

    private void tamper(String... statements) {
        AuditTampering.tamper(dataSource, demo.onPostgres(), agency, statements);
    }
}
