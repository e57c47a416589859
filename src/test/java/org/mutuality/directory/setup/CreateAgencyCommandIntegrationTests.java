package org.mutuality.directory.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

/** An operator creates a second agency and its first administrator from the command line. */
@IntegrationTest
class CreateAgencyCommandIntegrationTests {

    static final Pattern PASSWORD =
            Pattern.compile("one-time password \\(shown once; change it at first sign-in\\): (\\S+)");

    @Autowired
    TestAgency agency;

    @Autowired
    FirstAdministrator first;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final AtomicInteger exitCode = new AtomicInteger(-1);
    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createsAnAgencyWhoseAdministratorSignsInWithThePrintedPassword() {
        run(new MockEnvironment()
                .withProperty("mutuality.agency.create", "North Shore Peers " + suffix)
                .withProperty("mutuality.agency.admin-username", "ns" + suffix)
                .withProperty("mutuality.agency.admin-name", "Ada North"));

        assertThat(exitCode).hasValue(0);
        Matcher password = PASSWORD.matcher(printed());
        assertThat(password.find()).isTrue();
        Api api = agency.api();
        String token = api.token("ns" + suffix, password.group(1));
        assertThat(api.get("/api/v1/me", token)
                        .json()
                        .get("roles")
                        .get(0)
                        .get("role")
                        .asString())
                .isEqualTo("ADMINISTRATOR");
        assertThat(api.get("/api/v1/people?size=100", token).json().get("total").asLong())
                .isEqualTo(1);
    }

    @Test
    void printsNoPasswordWhenTheEnvironmentGivesOne() {
        run(new MockEnvironment()
                .withProperty("mutuality.agency.create", "Given Password Peers " + suffix)
                .withProperty("mutuality.agency.admin-username", "gp" + suffix)
                .withProperty("MUTUALITY_AGENCY_ADMIN_PASSWORD", "Operator-chosen-phrase-" + suffix));

        assertThat(exitCode).hasValue(0);
        assertThat(printed()).doesNotContain("password").doesNotContain("Operator-chosen");
        agency.api().token("gp" + suffix, "Operator-chosen-phrase-" + suffix);
    }

    @Test
    void createsNothingWhenTheUserNameIsTaken() {
        run(new MockEnvironment()
                .withProperty("mutuality.agency.create", "Taken Name Peers " + suffix)
                .withProperty("mutuality.agency.admin-username", "admin"));

        assertThat(exitCode).hasValue(2);
        assertThat(errors()).contains("taken");
        assertThat(agenciesNamed("Taken Name Peers " + suffix)).isZero();
    }

    @Test
    void createsNothingWhenTheGivenPasswordIsWeak() {
        run(new MockEnvironment()
                .withProperty("mutuality.agency.create", "Weak Password Peers " + suffix)
                .withProperty("mutuality.agency.admin-username", "wp" + suffix)
                .withProperty("MUTUALITY_AGENCY_ADMIN_PASSWORD", "short"));

        assertThat(exitCode).hasValue(2);
        assertThat(agenciesNamed("Weak Password Peers " + suffix)).isZero();
    }

    @Test
    void refusesAnAgencyWithoutAnAdministratorUserName() {
        run(new MockEnvironment().withProperty("mutuality.agency.create", "Nameless Peers " + suffix));

        assertThat(exitCode).hasValue(2);
        assertThat(errors()).contains("--mutuality.agency.admin-username");
        assertThat(agenciesNamed("Nameless Peers " + suffix)).isZero();
    }

    private void run(MockEnvironment environment) {
        new CreateAgencyCommand(
                        first,
                        transactions,
                        environment,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        exitCode::set)
                .run(new DefaultApplicationArguments());
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private long agenciesNamed(String name) {
        return jdbc.sql("select count(*) from agency where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }
}
