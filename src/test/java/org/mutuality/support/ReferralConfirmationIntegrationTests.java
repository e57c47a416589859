package org.mutuality.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * On the pages, a step that commits someone is never one click: recording the person's choice,
 * accepting to be their peer worker and recording that they said no each need a tick; without it
 * nothing changes. The choice is offered only once peer support was offered.
 */
@IntegrationTest
class ReferralConfirmationIntegrationTests {

    @Autowired
    TestAgency agency;

    @Test
    void eachCommittingStepNeedsItsTickAndTheStepsComeInOrder() {
        String tag = TestAgency.tag();
        Person quinn = agency.person("Quinn Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("quinn-" + tag)
                .create();
        Person kim = coordinator(tag);
        String kimToken = agency.token(kim);
        String id = referralOfRae(tag, kimToken);
        String page = "/referrals/" + id;

        // Before peer support was offered, the page records no choice.
        BrowserSession coordinator = agency.browser(kim);
        assertThat(coordinator.get(page).body())
                .doesNotContain(page + "/choice")
                .contains("Record first that peer support was offered");
        coordinator.post(page + "/offer", Map.of());
        assertThat(coordinator.get(page).body()).contains(page + "/choice");

        // Recording the choice without the tick changes nothing; with it, Quinn is chosen.
        coordinator.post(page + "/choice", Map.of("peerId", quinn.id().toString()));
        JsonNode unchosen = referral(id, kimToken).path("chosenPeerId");
        assertThat(unchosen.isNull() || unchosen.isMissingNode()).isTrue();
        coordinator.post(page + "/choice", Map.of("peerId", quinn.id().toString(), "confirm", "true"));
        assertThat(referral(id, kimToken).get("chosenPeerId").asString())
                .isEqualTo(quinn.id().toString());

        // Quinn's acceptance needs its tick too; declining does not.
        BrowserSession peer = agency.browser(quinn);
        peer.get(page);
        peer.post(page + "/answer", Map.of("accept", "true"));
        assertThat(referral(id, kimToken).get("status").asString()).isEqualTo("OFFERED");
        peer.post(page + "/answer", Map.of("accept", "true", "confirm", "true"));
        assertThat(referral(id, kimToken).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void thePersonSayingNoIsRecordedOnlyWithItsTick() {
        String tag = TestAgency.tag();
        Person kim = coordinator(tag);
        String kimToken = agency.token(kim);
        String id = referralOfRae(tag, kimToken);
        BrowserSession coordinator = agency.browser(kim);
        coordinator.get("/referrals/" + id);
        coordinator.post("/referrals/" + id + "/declined", Map.of("note", "Not now."));
        assertThat(referral(id, kimToken).get("status").asString()).isEqualTo("RECEIVED");
        coordinator.post("/referrals/" + id + "/declined", Map.of("note", "Not now.", "confirm", "true"));
        assertThat(referral(id, kimToken).get("status").asString()).isNotEqualTo("RECEIVED");
    }

    private Person coordinator(String tag) {
        return agency.person("Kim Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("kim-" + tag)
                .create();
    }

    /** A new referral of Rae, a new participant, made by the coordinator; its id. */
    private String referralOfRae(String tag, String coordinatorToken) {
        Person rae =
                agency.person("Rae Participant " + tag).role(Role.PARTICIPANT).create();
        Api.Response made = agency.api()
                .post(
                        "/api/v1/referrals",
                        coordinatorToken,
                        Api.json(Map.of(
                                "personId", rae.id().toString(),
                                "programId", agency.peerSupport().id().value().toString(),
                                "reason", "Rae asked for peer support.")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    private JsonNode referral(String id, String token) {
        Api.Response r = agency.api().get("/api/v1/referrals/" + id, token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
