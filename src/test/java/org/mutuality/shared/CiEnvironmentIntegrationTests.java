package org.mutuality.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mutuality.test.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On CI nothing may be skipped silently: PostgreSQL and Chromium must be there, and the PostgreSQL
 * run of the suite must really talk to PostgreSQL.
 */
@IntegrationTest
class CiEnvironmentIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnTheDatabaseItWasAskedFor() throws SQLException {
        String expected = System.getProperty("mutuality.test.database", "h2");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName().toLowerCase())
                    .contains(expected);
        }
    }

    @Test
    void hasPostgresAndChromiumOnCi() {
        if (!"true".equals(System.getenv("CI"))) {
            return;
        }
        assertThat(System.getenv("MUTUALITY_TEST_POSTGRES_URL"))
                .as("CI must run the suite on PostgreSQL too")
                .isNotBlank();
        assertThat(Files.isExecutable(Path.of("/usr/bin/chromium")))
                .as("CI must have Chromium for the browser tests")
                .isTrue();
    }
}
