package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mutuality.shared.NodeSignals;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bearer token's user is kept in memory (issue 20), so every change to what it was read from must
 * reach the very next request: on this node at once, on another node through PostgreSQL.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
class TokenSignInIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    Directory directory;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NodeSignals signals;

    @Autowired
    org.mutuality.directory.people.People people;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String url;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theNextRequestSeesNewDetailsAndRoles() {
        Person person = agency.person("Kim Kept " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .account()
                .create();
        String token = agency.token(person);
        assertThat(me(token).json().path("roles").toString()).doesNotContain("PEER_WORKER");
        assertThat(me(token).json().path("roles").toString()).doesNotContain("PEER_WORKER");

        SignedInUser admin = agency.signedIn(agency.person("Ada Admin " + TestAgency.tag())
                .role(Role.ADMINISTRATOR)
                .create());
        Person current = directory.requirePerson(agency.id(), person.id());
        directory.correct(
                admin,
                person.id(),
                new PersonDetails("Kim Renamed", "Kimmy", "they/them", null, null),
                current.version());
        assertThat(me(token).body()).contains("Kimmy").doesNotContain("Kim Kept");

        PersonRole peer = directory.assignRole(
                agency.id(),
                person.id(),
                new AssignRole(Role.PEER_WORKER, agency.peerSupport().id(), null, agency.today(), null));
        assertThat(me(token).json().path("roles").toString()).contains("PEER_WORKER");

        directory.endRole(agency.id(), person.id(), peer.id(), agency.today());
        assertThat(me(token).status())
                .as("ending a role starts a new session epoch: the token ends")
                .isEqualTo(401);
    }

    @Test
    void aRoleThatEndsTomorrowIsGoneTomorrowWithoutAnyWrite() {
        Person person = agency.person("Tam Tomorrow " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .account()
                .create();
        directory.assignRole(
                agency.id(),
                person.id(),
                new AssignRole(
                        Role.PEER_WORKER,
                        agency.peerSupport().id(),
                        null,
                        agency.today(),
                        agency.today().plusDays(1)));
        String token = agency.token(person);
        assertThat(me(token).json().path("roles").toString()).contains("PEER_WORKER");

        clock.advance(Duration.ofDays(1));
        assertThat(me(token).json().path("roles").toString()).doesNotContain("PEER_WORKER");
    }

    @Test
    void revokedDeactivatedOrEndedTokensStopAtTheNextRequest() {
        Person revoked = agency.person("Rae Revoked " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
        String token = agency.token(revoked);
        String other = agency.token(revoked);
        assertThat(me(token).status()).isEqualTo(200);
        assertThat(me(other).status()).isEqualTo(200);
        String id = agency.api()
                .get("/api/v1/me/tokens", token)
                .json()
                .get(0)
                .path("id")
                .asText();
        assertThat(agency.api()
                        .post("/api/v1/me/tokens/" + id + "/revoke", token, "")
                        .status())
                .isEqualTo(204);
        int stillWorking = (me(token).status() == 200 ? 1 : 0) + (me(other).status() == 200 ? 1 : 0);
        assertThat(stillWorking).as("exactly the revoked token stopped").isEqualTo(1);

        Person deactivated = agency.person("Dee Deactivated " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
        String theirs = agency.token(deactivated);
        assertThat(me(theirs).status()).isEqualTo(200);
        directory.setActive(agency.id(), deactivated.id(), false);
        assertThat(me(theirs).status()).isEqualTo(401);

        Person ended = agency.person("Ed Ended " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
        String endedToken = agency.token(ended);
        assertThat(me(endedToken).status()).isEqualTo(200);
        directory.endSessionsOf(agency.id(), ended.id());
        assertThat(me(endedToken).status()).isEqualTo(401);
    }

    @Test
    void aTransactionSeesItsOwnChangeAndNobodyKeepsWhatRolledBack() {
        Person person = agency.person("Rolf Rollback " + TestAgency.tag())
                .role(Role.PARTICIPANT)
                .create();
        assertThat(directory.requirePerson(agency.id(), person.id()).details().preferredName())
                .isNull();
        PersonId added = PersonId.random();
        try {
            transactions.executeWithoutResult(status -> {
                Person current = directory.requirePerson(agency.id(), person.id());
                people.update(
                        agency.id(),
                        person.id(),
                        new PersonDetails(current.details().legalName(), "Rolfie", null, null, null),
                        current.version());
                assertThat(directory
                                .requirePerson(agency.id(), person.id())
                                .details()
                                .preferredName())
                        .as("the transaction reads its own change")
                        .isEqualTo("Rolfie");
                people.insert(agency.id(), added, new PersonDetails("Nobody Ever", null, null, null, null));
                assertThat(directory.person(agency.id(), added)).isPresent();
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(directory.requirePerson(agency.id(), person.id()).details().preferredName())
                .as("what rolled back is not kept")
                .isNull();
        assertThat(directory.person(agency.id(), added)).isEmpty();
    }

    @Test
    void aTokenThatExpiresStopsThoughItWasKept() {
        Person person = agency.person("Exa Expiring " + TestAgency.tag())
                .role(Role.PEER_WORKER)
                .account()
                .create();
        String token = agency.token(person);
        assertThat(me(token).status()).isEqualTo(200);
        clock.advance(directory.tokenMaxLifetime().plusMinutes(1));
        assertThat(me(token).status()).isEqualTo(401);
    }

    @Test
    void anotherNodeHearsEveryChangeThroughPostgres() throws InterruptedException {
        assumeTrue(agency.onPostgres(), "several nodes share PostgreSQL only");
        List<String> heard = new CopyOnWriteArrayList<>();
        NodeSignals otherNode = new NodeSignals(jdbc, url, "postgres", "");
        otherNode.subscribe("signed-in", heard::add);
        otherNode.subscribe("people", heard::add);
        otherNode.start();
        try {
            await(otherNode::reliable, "the other node listens");
            heard.clear();

            Person person = agency.person("Noor Node " + TestAgency.tag())
                    .role(Role.PEER_WORKER)
                    .account()
                    .create();
            String token = agency.token(person);
            assertThat(me(token).status()).isEqualTo(200);
            directory.endSessionsOf(agency.id(), person.id());
            await(() -> !heard.isEmpty(), "the other node heard that the sessions ended");

            // a node that loses its connection to the database is not reliable until it listens again,
            // and then drops everything it kept
            heard.clear();
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = :name")
                    .param("name", NodeSignals.APPLICATION_NAME)
                    .query((rs, n) -> 1)
                    .list();
            await(() -> heard.contains(NodeSignals.EVERYTHING), "the other node dropped what it kept");
            await(otherNode::reliable, "the other node listens again");
            await(signals::reliable, "this node listens again");
        } finally {
            otherNode.stop();
        }
    }

    private org.mutuality.test.Api.Response me(String token) {
        return agency.api().get("/api/v1/me", token);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
