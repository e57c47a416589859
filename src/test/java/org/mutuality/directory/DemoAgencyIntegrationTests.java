package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.DemoData;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoAgencyIntegrationTests {

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAgency agency;

    @ParameterizedTest
    @ValueSource(
            strings = {"admin", "privacy", "supervisor", "psychiatrist", "peer", "peer2", "volunteer", "researcher"})
    void letsEveryDemoAccountSignIn(String username) {
        Api api = agency.api();

        Api.Response me = api.get("/api/v1/me", api.demoToken(username));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles")).isNotEmpty();
    }

    @Test
    void loadsAnAgencyBigEnoughForEverySituation() {
        AgencyId demo = DemoData.agency(jdbc);

        assertThat(directory.isDemo(demo)).isTrue();
        assertThat(directory.programs(demo)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(directory
                        .search(demo, new PeopleQuery(null, null, true, 0, 100))
                        .total())
                .isGreaterThanOrEqualTo(25);
    }

    @Test
    void makesThePeerWorkerAlsoAServiceUserOfTheClinic() {
        AgencyId demo = DemoData.agency(jdbc);

        Person jordan = directory
                .search(demo, new PeopleQuery("Jordan Lee", null, false, 0, 5))
                .items()
                .get(0);

        assertThat(jordan.activeRoles(agency.today())).contains(Role.PEER_WORKER, Role.SERVICE_USER);
        assertThat(directory.usernameOf(demo, jordan.id())).hasValue("peer");
    }
}
