package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The database never holds a journal entry in clear (ADR 0018): an entry written with a word found
 * nowhere else is looked for in every column of the journal's tables read as text and as bytes, in
 * the audit log, and in the database's own export (H2's {@code SCRIPT}; on PostgreSQL the table's
 * rows as text, and {@code pg_dump} of the table when the binary is installed).
 */
@IntegrationTest
class JournalAtRestIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Value("${spring.datasource.password:}")
    String password;

    String word;
    String entryId;

    @BeforeEach
    void anEntryWithAWordFoundNowhereElse() {
        String tag = TestAgency.tag();
        agency.person("Wren Atrest " + tag)
                .role(Role.PEER_WORKER)
                .account("wren-" + tag)
                .create();
        word = "Zephyrine" + UUID.randomUUID().toString().replace("-", "");
        Api.Response r = agency.api()
                .post(
                        "/api/v1/me/journal",
                        agency.token("wren-" + tag),
                        Api.json(Map.of("text", "A walk by the river helped: " + word + ", nothing more.")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        entryId = r.json().get("id").asString();
        Api.Response back = agency.api().get("/api/v1/me/journal/" + entryId, agency.token("wren-" + tag));
        assertThat(back.body()).contains(word);
    }

    @Test
    void keepsTheWordOutOfEveryColumnOfTheJournalsTables() throws SQLException {
        for (String table : List.of("journal_entry", "journal_key", "audit_entry")) {
            assertThat(everyCell(table)).as(table).isNotEmpty().noneMatch(cell -> cell.contains(word));
        }
    }

    @Test
    void keepsTheWordOutOfTheDatabasesExport() throws Exception {
        List<String> export = isH2() ? h2Script() : postgresRows();

        assertThat(export).as("the database's export").isNotEmpty().noneMatch(line -> line.contains(word));
        assertThat(String.join("\n", export)).contains(entryId);
    }

    @Test
    void keepsTheWordOutOfPgDump() throws Exception {
        Path pgDump = Path.of("/usr/bin/pg_dump");
        assumeTrue(!isH2() && Files.isExecutable(pgDump), "pg_dump is PostgreSQL's; on H2, SCRIPT is the export");
        URI db = URI.create(url.substring("jdbc:".length()));
        ProcessBuilder dump = new ProcessBuilder(
                        pgDump.toString(),
                        "--data-only",
                        "--table=journal_entry",
                        "--table=journal_key",
                        "-h",
                        db.getHost(),
                        "-p",
                        String.valueOf(db.getPort() < 0 ? 5432 : db.getPort()),
                        "-U",
                        user,
                        db.getPath().substring(1))
                .redirectErrorStream(true);
        dump.environment().put("PGPASSWORD", password);
        Process p = dump.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(entryId).doesNotContain(word);
    }

    private boolean isH2() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        }
    }

    /** Every cell of the table, read as text and as the driver's own value (bytes decoded as UTF-8). */
    private List<String> everyCell(String table) throws SQLException {
        List<String> cells = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select * from " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    String text = rs.getString(i);
                    cells.add(text == null ? "" : text);
                    Object value = rs.getObject(i);
                    cells.add(
                            value instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8)
                                    : String.valueOf(value));
                }
            }
        }
        return cells;
    }

    private List<String> h2Script() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("script")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private List<String> postgresRows() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select t::text from journal_entry t union all select k::text from journal_key k")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
