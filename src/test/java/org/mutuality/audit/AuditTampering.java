package org.mutuality.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.mutuality.shared.AgencyId;

/**
 * Changes the audit log as someone with direct database access would, for the tests that show such
 * a change is found. Everything happens in one transaction: between two, the sealer could link an
 * unchained entry again. On PostgreSQL the append-only triggers are switched off and on inside that
 * transaction, so no one else ever sees them off.
 */
final class AuditTampering {

    private static final List<String> TABLES =
            List.of("audit_entry", "audit_chain", "audit_tree_node", "audit_tree_head");

    private AuditTampering() {}

    /** Runs the statements, each with the agency's id bound to its {@code ?} if it has one. */
    static void tamper(DataSource dataSource, boolean postgres, AgencyId agency, String... statements) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var toggle = connection.createStatement()) {
                if (postgres) {
                    for (String table : TABLES) {
                        toggle.execute("alter table " + table + " disable trigger user");
                    }
                }
                for (String sql : statements) {
                    try (var statement = connection.prepareStatement(sql)) {
                        if (sql.contains("?")) {
                            statement.setObject(1, agency.value());
                        }
                        statement.executeUpdate();
                    }
                }
                if (postgres) {
                    for (String table : TABLES) {
                        toggle.execute("alter table " + table + " enable trigger user");
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
