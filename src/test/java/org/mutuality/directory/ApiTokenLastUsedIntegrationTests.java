package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An authenticated read is not a write (issue 20): a token's "last used" is written at most once a
 * minute, and still shows on the account page within that minute.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class ApiTokenLastUsedIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void writesLastUsedAtMostOnceAMinute() {
        Person person = agency.person("Lou Used " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
        String token = agency.token(person);

        assertThat(agency.api().get("/api/v1/me", token).status()).isEqualTo(200);
        OffsetDateTime first = lastUsed(person);
        assertThat(first).isNotNull();

        assertThat(agency.api().get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(lastUsed(person))
                .as("a second read within the minute writes nothing")
                .isEqualTo(first);

        clock.advance(Duration.ofSeconds(61));
        assertThat(agency.api().get("/api/v1/me", token).status()).isEqualTo(200);
        assertThat(lastUsed(person)).isAfter(first);
    }

    private OffsetDateTime lastUsed(Person person) {
        return jdbc.sql("""
                        select max(t.last_used_at) from api_token t join user_account a on a.id = t.account_id
                        where a.person_id = :p
                        """)
                .param("p", person.id().value())
                .query(OffsetDateTime.class)
                .list()
                .get(0);
    }
}
