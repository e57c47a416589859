package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.setup.FirstAdministrator;
import org.mutuality.test.Api;
import org.mutuality.test.EmptyDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A new installation without demo data gets its first administrator through a one-time token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "prod"})
class FirstAdministratorIntegrationTests {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        EmptyDatabase.use(registry, "first_admin");
        registry.add("server.servlet.session.cookie.secure", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    FirstAdministrator first;

    @Autowired
    Directory directory;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void createsTheFirstAdministratorOnlyWithTheSetupToken() {
        assertThat(directory.anyAccountExists()).isFalse();
        assertThat(first.setupOpen()).isTrue();

        assertThat(first.completeSetup("wrong", "North Shore Peers", "Ada Admin", "ada", "Long-enough-pass-phrase"))
                .isEmpty();
        String token = first.issueSetupToken();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> first.completeSetup(token, "North Shore Peers", "Ada", "ada", "short"));
        assertThat(directory.anyAccountExists()).isFalse();

        assertThat(first.completeSetup(token, "North Shore Peers", "Ada Admin", "ada", "Long-enough-pass-phrase"))
                .isPresent();

        assertThat(first.setupOpen()).isFalse();
        Api api = new Api(port);
        Api.Response me = api.get("/api/v1/me", api.token("ada", "Long-enough-pass-phrase"));
        assertThat(me.json().get("roles").get(0).get("role").asString()).isEqualTo("ADMINISTRATOR");
        // The set-up itself is in the new agency's audit log, with the first administrator as its subject.
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'SETUP' and subject_id = :admin")
                        .param("admin", UUID.fromString(me.json().get("id").asString()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
