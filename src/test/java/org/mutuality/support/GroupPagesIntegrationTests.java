package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The group page's forms: a member the conflict check warns about is added only once the tick box
 * is ticked, the tick box belongs to that member's form alone, and refusals read in the page's
 * language.
 */
@IntegrationTest
class GroupPagesIntegrationTests {

    static final String ACKNOWLEDGE_BOX = "id=\"acknowledge\"";

    @Autowired
    TestAgency agency;

    @Test
    void aWarnedMemberIsAddedOnceTheTickBoxIsTicked() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person leader =
                agency.person("Lou Leader " + tag).role(Role.VOLUNTEER_PEER).create();
        Person neighbour =
                agency.person("Nell Neighbour " + tag).role(Role.PARTICIPANT).create();
        agency.relate(agency.demoToken("privacy"), "NEIGHBOUR", leader.id(), neighbour.id());
        String group = "/groups/" + group(leader, tag);
        BrowserSession supervisor = agency.demoBrowser("supervisor");
        assertThat(supervisor.get(group).body()).doesNotContain(ACKNOWLEDGE_BOX);

        supervisor.post(group + "/members", Map.of("personId", neighbour.id().toString()));
        String asked = supervisor.get(group).body();
        assertThat(asked).contains("role=\"alert\"").contains(ACKNOWLEDGE_BOX);
        assertThat(members(group)).isZero();

        supervisor.post(group + "/members", Map.of("personId", neighbour.id().toString(), "acknowledge", "true"));
        String added = supervisor.get(group).body();
        assertThat(added).contains("the leader should keep the caution in mind").doesNotContain(ACKNOWLEDGE_BOX);
        assertThat(members(group)).isEqualTo(1);
    }

    @Test
    void aWarnedLeaderChangeDoesNotAskTheMemberFormForATick() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person leader =
                agency.person("Lina Leader " + tag).role(Role.VOLUNTEER_PEER).create();
        Person next = agency.person("Noor Next " + tag).role(Role.PEER_WORKER).create();
        Person member =
                agency.person("Mia Member " + tag).role(Role.PARTICIPANT).create();
        String supervisorToken = agency.demoToken("supervisor");
        String group = "/groups/" + group(leader, tag);
        Api.Response joined = agency.api()
                .post(
                        "/api/v1" + group + "/members",
                        supervisorToken,
                        Api.json(Map.of("personId", member.id().toString())));
        assertThat(joined.status()).as(joined.body()).isEqualTo(201);
        agency.relate(agency.demoToken("privacy"), "NEIGHBOUR", next.id(), member.id());
        BrowserSession supervisor = agency.demoBrowser("supervisor");
        supervisor.get(group);

        supervisor.post(group + "/leader", Map.of("leaderId", next.id().toString()));

        String page = supervisor.get(group).body();
        assertThat(page).contains("role=\"alert\"").doesNotContain(ACKNOWLEDGE_BOX);
        assertThat(page).contains("Led by " + leader.displayName());
    }

    @Test
    void aRefusalOnTheGroupPageReadsInFrench() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Person leader =
                agency.person("Léo Leader " + tag).role(Role.VOLUNTEER_PEER).create();
        String group = "/groups/" + group(leader, tag);
        BrowserSession supervisor = agency.demoBrowser("supervisor");
        supervisor.get(group + "?lang=fr");

        supervisor.post(group + "/members", Map.of("personId", leader.id().toString()));

        assertThat(supervisor.get(group).body())
                .contains("La personne qui anime le groupe n’y est pas ajoutée comme membre.")
                .doesNotContain("is not added as a member");
    }

    private String group(Person leader, String tag) {
        Api.Response made = agency.api()
                .post(
                        "/api/v1/groups",
                        agency.demoToken("supervisor"),
                        Api.json(Map.of(
                                "programId",
                                agency.peerSupport().id().toString(),
                                "name",
                                "Page group " + tag,
                                "leaderId",
                                leader.id().toString())));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    private int members(String group) {
        return agency.api()
                .get("/api/v1" + group, agency.demoToken("supervisor"))
                .json()
                .get("members")
                .size();
    }
}
