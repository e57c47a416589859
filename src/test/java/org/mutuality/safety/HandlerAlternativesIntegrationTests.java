package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.directory.Team;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A handler who may not take a concern is told who could, and who is missing from that list tells
 * them nothing of a relationship hidden from them (ADR 0012). In an agency of its own: Wren, a peer
 * worker; Hana, a supervisor of another program and Wren's sister, so Hana may not take a concern
 * about Wren; Robin and Sasha, supervisors in Wren's team. Wren then declares that Robin is her
 * partner, which only the two of them and the privacy lead may see.
 */
@IntegrationTest
class HandlerAlternativesIntegrationTests {

    @Autowired
    TestAgency demo;

    TestAgency agency;
    Person wren;
    Person robin;
    String hanaToken;
    String take;

    @BeforeEach
    void rafaRaisesAConcernAboutWrenWhoseSisterIsHana() {
        agency = demo.inAgency("Handlers");
        Team team = agency.team(agency.peerSupport(), "Peer team");
        wren = agency.person("Wren").role(Role.PEER_WORKER, team).account().create();
        Person hana = agency.person("Hana")
                .role(Role.SUPERVISOR, agency.program("Wellness Groups"))
                .account()
                .create();
        robin = agency.person("Robin").role(Role.SUPERVISOR, team).create();
        agency.person("Sasha").role(Role.SUPERVISOR, team).create();
        Person rafa = agency.person("Rafa").role(Role.PARTICIPANT).account().create();
        hanaToken = agency.token(hana);
        agency.relate(hanaToken, "FAMILY", hana.id(), wren.id());
        String concern =
                agency.raiseConcern(agency.token(rafa), wren.id(), "They keep texting me late at night.", false);
        take = "/api/v1/concerns/" + concern + "/take";
    }

    @Test
    void namesWhoCouldTakeTheConcernInstead() {
        Api.Response refused = agency.api().post(take, hanaToken, "{}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("Who could: Robin");
    }

    @Test
    void namesTheSameOthersWhoCouldTakeAConcernWhetherOrNotOneHasAHiddenRelationship() {
        Api.Response before = agency.api().post(take, hanaToken, "{}");
        agency.relate(agency.token(wren), "PARTNER", wren.id(), robin.id());

        Api.Response after = agency.api().post(take, hanaToken, "{}");

        assertThat(after.status()).as(after.body()).isEqualTo(409);
        assertThat(after.json().get("detail").asString())
                .isEqualTo(before.json().get("detail").asString());
    }
}
