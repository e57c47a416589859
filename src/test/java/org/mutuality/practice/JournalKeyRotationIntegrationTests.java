package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mutuality.directory.Role;
import org.mutuality.practice.store.JournalKeyStore;
import org.mutuality.practice.store.JournalStore;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Rotating the key-encryption key (README): with the new KEK current and the old one named as
 * previous, every agency's data key is wrapped again, and entries written before open with the new
 * KEK alone. The test rotates back to the tests' KEK whatever happens, so that the database stays
 * usable by the other tests.
 */
@IntegrationTest
class JournalKeyRotationIntegrationTests {

    static final String TESTS_KEK = "src/test/resources/journal-test-kek.json";

    @Autowired
    TestAgency agency;

    @Autowired
    JournalKeyStore keyStore;

    @Autowired
    JournalStore entries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Clock clock;

    @Test
    void rewrapsEveryDataKeyWithTheNewKekAndEntriesStillOpen(@TempDir Path dir) throws Exception {
        String tag = TestAgency.tag();
        agency.person("Rotan Keys " + tag)
                .role(Role.PEER_WORKER)
                .account("rotan-" + tag)
                .create();
        Api.Response r = agency.api()
                .post("/api/v1/me/journal", agency.token("rotan-" + tag), Api.json(Map.of("text", "Before rotation")));
        JournalEntryId id =
                new JournalEntryId(UUID.fromString(r.json().get("id").asString()));
        Path newKek = dir.resolve("new-kek.json");
        Files.writeString(newKek, JournalKeys.newKekJson());

        try {
            int rewrapped = keys(newKek.toString(), TESTS_KEK).rewrapAll();

            assertThat(rewrapped).isGreaterThanOrEqualTo(1);
            assertThat(kekIds()).hasSize(1).doesNotContain(kekIdOf(TESTS_KEK));
            JournalStore.Row row = entries.find(agency.id(), id).orElseThrow();
            assertThat(keys(newKek.toString(), null)
                            .sealOf(agency.id())
                            .open(agency.id(), id, row.author(), row.sealed()))
                    .isEqualTo("Before rotation");
        } finally {
            keys(TESTS_KEK, newKek.toString()).rewrapAll();
        }
        assertThat(kekIds()).containsExactly(kekIdOf(TESTS_KEK));
    }

    @Test
    void refusesADataKeyWrappedByAnUnknownKek(@TempDir Path dir) throws Exception {
        // The agency's data key exists (wrapped by the tests' KEK) before a stranger KEK is tried.
        String tag = TestAgency.tag();
        agency.person("Una Known " + tag)
                .role(Role.PEER_WORKER)
                .account("una-" + tag)
                .create();
        assertThat(agency.api()
                        .post("/api/v1/me/journal", agency.token("una-" + tag), Api.json(Map.of("text", "Kept")))
                        .status())
                .isEqualTo(201);
        Path unknown = dir.resolve("unknown-kek.json");
        Files.writeString(unknown, JournalKeys.newKekJson());

        assertThatThrownBy(() -> keys(unknown.toString(), null).sealOf(agency.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("neither the current one nor");
    }

    private JournalKeys keys(String kekFile, String previousFile) {
        return new JournalKeys(keyStore, clock, transactions, null, kekFile, null, previousFile, false);
    }

    private List<String> kekIds() {
        return jdbc.sql("select distinct kek_id from journal_key")
                .query(String.class)
                .list();
    }

    private static String kekIdOf(String file) throws Exception {
        String json = Files.readString(Path.of(file));
        return json.replaceAll("(?s).*\"primaryKeyId\":(\\d+).*", "$1");
    }
}
