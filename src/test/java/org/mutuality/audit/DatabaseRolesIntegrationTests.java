package org.mutuality.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * On PostgreSQL the role the application runs as, set up by {@code db/roles/roles.sql} exactly as
 * README tells an operator, reads and writes the tables but can neither change the audit log nor
 * switch its triggers off. Skipped on H2, which has no roles to speak of.
 */
@IntegrationTest
class DatabaseRolesIntegrationTests {

    static final String APP_PASSWORD = "app-" + UUID.randomUUID();

    @Autowired
    DataSource dataSource;

    @Autowired
    TestAgency agency;

    String url;

    @BeforeEach
    void createRoles() throws SQLException, IOException {
        if (!agency.onPostgres()) {
            return;
        }
        try (Connection superuser = dataSource.getConnection();
                Statement statement = superuser.createStatement()) {
            url = superuser.getMetaData().getURL();
            statement.execute(script("db/roles/roles.sql"));
            statement.execute("alter role mutuality_app password '" + APP_PASSWORD + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "update audit_entry set outcome = 'DENIED'",
                "delete from audit_entry",
                "truncate audit_entry",
                "update audit_chain set hash = prev_hash",
                "delete from audit_chain",
                "truncate audit_chain cascade",
                "update audit_tree_node set hash = hash",
                "delete from audit_tree_head",
                "truncate audit_tree_node",
                "alter table audit_entry disable trigger user",
                "alter table audit_entry disable trigger audit_entry_append_only",
                "alter table audit_chain disable trigger all",
                "drop trigger audit_entry_append_only on audit_entry",
                "create or replace function audit_refuse_change() returns trigger language plpgsql"
                        + " as $$ begin return new; end; $$",
                "insert into flyway_schema_history (installed_rank, version, description, type, script,"
                        + " installed_by, execution_time, success) values (9999, '9999', 'x', 'SQL', 'x', 'x', 0,"
                        + " true)",
                "create table mutuality_app_made (id int)"
            })
    void refusesTheApplicationRole(String sql) throws SQLException {
        if (!agency.onPostgres()) {
            return;
        }
        try (Connection app = asApplication();
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> statement.execute(sql))
                    .isInstanceOf(SQLException.class)
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            app.rollback();
        }
    }

    @Test
    void letsTheApplicationRoleWriteAnOrdinaryTable() throws SQLException {
        if (!agency.onPostgres()) {
            return;
        }
        try (Connection app = asApplication();
                Statement statement = app.createStatement()) {
            app.setAutoCommit(false);
            int inserted = statement.executeUpdate("insert into agency (id, name, demo, created_at) values ('"
                    + UUID.randomUUID() + "', 'Roles test agency', false, now())");
            int updated =
                    statement.executeUpdate("update agency set name = 'Renamed' where name = 'Roles test agency'");
            app.rollback();

            assertThat(inserted).isEqualTo(1);
            assertThat(updated).isEqualTo(1);
        }
    }

    @Test
    void letsTheApplicationRoleReadTheAuditLog() throws SQLException {
        if (!agency.onPostgres()) {
            return;
        }
        try (Connection app = asApplication();
                Statement statement = app.createStatement()) {
            assertThat(statement.execute("select count(*) from audit_entry join audit_chain on entry_id = id"))
                    .isTrue();
        }
    }

    @Test
    void takesBackAuditChangesThatDefaultPrivilegesGaveAtCreation() throws SQLException, IOException {
        if (!agency.onPostgres()) {
            return;
        }
        try (Connection superuser = dataSource.getConnection();
                Statement statement = superuser.createStatement()) {
            statement.execute("grant update, delete, truncate on audit_entry, audit_chain to mutuality_app");

            statement.execute(script("db/vendor/postgresql/V21__audit_append_only_privileges.sql"));

            try (var privileges = statement.executeQuery(
                    "select has_table_privilege('mutuality_app', 'audit_entry', 'UPDATE,DELETE,TRUNCATE')"
                            + " or has_table_privilege('mutuality_app', 'audit_chain', 'UPDATE,DELETE,TRUNCATE')")) {
                privileges.next();
                assertThat(privileges.getBoolean(1)).isFalse();
            }
        }
    }

    private Connection asApplication() throws SQLException {
        return DriverManager.getConnection(url, "mutuality_app", APP_PASSWORD);
    }

    private static String script(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
