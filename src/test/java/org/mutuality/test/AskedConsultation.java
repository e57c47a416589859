package org.mutuality.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import tools.jackson.databind.JsonNode;

/**
 * A consultation asked through the API and answered by a colleague, for the tests of an action that
 * may go ahead on one in place of an acknowledgement: {@code asker} asks about {@code action} by
 * {@code actor} over {@code subject}, chooses {@code consultant}, who answers.
 */
public final class AskedConsultation {

    /** An answer that lets the action go ahead, with two safeguards. */
    public static final String GO_AHEAD = Api.json(Map.of(
            "outcome",
            "GO_AHEAD_WITH_SAFEGUARDS",
            "note",
            "It can work: agree on limits first.",
            "safeguards",
            List.of("Write a boundary agreement together", "Talk it over in supervision next month")));

    /** An answer that hands the action to someone else. */
    public static final String HAND_OVER =
            Api.json(Map.of("outcome", "HAND_OVER", "note", "Someone without a history should do it."));

    /** An answer that advises against it. */
    public static final String DO_NOT_GO_AHEAD =
            Api.json(Map.of("outcome", "DO_NOT_GO_AHEAD", "note", "Another peer worker would be better."));

    private AskedConsultation() {}

    /** Asks, chooses the consultant and has them answer; returns the consultation's id. */
    public static String answered(
            Api api,
            String askerToken,
            String action,
            Person actor,
            Person subject,
            Person consultant,
            String consultantToken,
            String answer) {
        Api.Response asked = api.post(
                "/api/v1/consultations",
                askerToken,
                Api.json(Map.of(
                        "action",
                        action,
                        "actorId",
                        actor.id().toString(),
                        "subjectId",
                        subject.id().toString(),
                        "situation",
                        "They have known each other for years, outside the agency.")));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asString();
        Api.Response chosen = api.post(
                "/api/v1/consultations/" + id + "/consultant",
                askerToken,
                Api.json(Map.of("consultantId", consultant.id().toString())));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        Api.Response answered = api.post("/api/v1/consultations/" + id + "/answer", consultantToken, answer);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return id;
    }

    /** The consultation as its asker reads it (status, usedFor). */
    public static JsonNode read(Api api, String askerToken, String id) {
        Api.Response r = api.get("/api/v1/consultations/" + id, askerToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /**
     * Louise, a participant, and Marc, a peer worker, friends (the check asks to consult before Marc
     * supports her); Kim, a supervisor of Peer Support, who asks; Cleo, a supervisor without a conflict
     * to consult. Louise, Kim and Cleo can sign in.
     */
    public record Friends(
            String tag, Person louise, Person marc, Person kim, Person cleo, String kimToken, String cleoToken) {

        /** A new cast, with its own tag. */
        public static Friends cast(TestAgency agency) {
            String tag = TestAgency.tag();
            Person louise = agency.person("Louise Friend " + tag)
                    .role(Role.PARTICIPANT)
                    .account("louise-" + tag)
                    .create();
            Person marc =
                    agency.person("Marc Friend " + tag).role(Role.PEER_WORKER).create();
            Person kim = agency.person("Kim Coordinator " + tag)
                    .role(Role.SUPERVISOR)
                    .account("kim-" + tag)
                    .create();
            Person cleo = agency.person("Cleo Consultant " + tag)
                    .role(Role.SUPERVISOR)
                    .account("cleo-" + tag)
                    .create();
            agency.relate(agency.demoToken("privacy"), "FRIEND", marc.id(), louise.id(), "STAFF");
            return new Friends(tag, louise, marc, kim, cleo, agency.token("kim-" + tag), agency.token("cleo-" + tag));
        }

        /** A consultation Kim asked about Marc supporting Louise, answered by Cleo; its id. */
        public String answered(Api api, String answer) {
            return AskedConsultation.answered(api, kimToken, "ASSIGN_SUPPORT", marc, louise, cleo, cleoToken, answer);
        }
    }
}
