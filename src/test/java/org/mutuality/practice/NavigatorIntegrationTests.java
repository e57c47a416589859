package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;

/** The dilemma navigator through the API: a summary that stores nothing, unless saved to the journal. */
@IntegrationTest
class NavigatorIntegrationTests {

    static final String ANSWERS = """
            {"situation":"A participant invited me to a party","power":"SOME","duration":"MONTHS",
             "ending":"UNCERTAIN","objectivity":"UNSURE","exploitation":"NO","harm":"NO",
             "beneficiary":"BOTH","avoidable":"YES","consultation":"UNSURE","documented":"NO",
             "areas":["ALTRUISTIC"]}""";

    @Autowired
    TestAgency agency;

    Api api;
    String token;

    @BeforeEach
    void aPeerWorker() {
        api = agency.api();
        String tag = TestAgency.tag();
        agency.person("Ned Navigates " + tag)
                .role(Role.PEER_WORKER)
                .account("ned-" + tag)
                .create();
        token = agency.token("ned-" + tag);
    }

    @Test
    void summarizesWithoutStoringAnything() {
        long before = agency.rows("journal_entry");

        Api.Response r = api.post("/api/v1/navigator", token, ANSWERS);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("overall").asString()).isEqualTo("MEDIUM");
        assertThat(r.json().get("suggestion").asString()).isEqualTo("CONSULT_FIRST");
        assertThat(r.json().get("journalEntryId").isNull()).isTrue();
        assertThat(agency.rows("journal_entry")).isEqualTo(before);
    }

    @Test
    void savesTheSummaryAsAPrivateJournalEntry() {
        Api.Response r = api.post("/api/v1/navigator?save=true", token, ANSWERS);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Api.Response entry =
                api.get("/api/v1/me/journal/" + r.json().get("journalEntryId").asString(), token);
        assertThat(entry.json().get("prompt").asString()).isEqualTo("DILEMMA");
        assertThat(entry.json().get("text").asString())
                .contains("A participant invited me to a party")
                .contains("Overall: medium");
        assertThat(entry.json().get("sharedAt").isNull()).isTrue();
    }

    @Test
    void answersInFrench() {
        Api.Response r = api.post("/api/v1/navigator", token, ANSWERS);
        Api.Response fr = api.post("/api/v1/navigator?lang=fr", token, ANSWERS);

        assertThat(r.json().get("text").asString()).contains("Overall: medium");
        assertThat(fr.json().get("text").asString()).contains("Dans l’ensemble : moyen");
    }

    @Test
    void refusesAMissingAnswerAndNamesIt() {
        Api.Response r = api.post("/api/v1/navigator", token, ANSWERS.replace("\"power\":\"SOME\",", ""));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("power");
    }

    @Test
    void refusesAnUnknownArea() {
        Api.Response r = api.post("/api/v1/navigator", token, ANSWERS.replace("ALTRUISTIC", "ROMANTIC"));

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void refusesAParticipant() {
        String tag = TestAgency.tag();
        agency.person("Pat Part " + tag)
                .role(Role.PARTICIPANT)
                .account("pat-" + tag)
                .create();

        assertThat(api.post("/api/v1/navigator", agency.token("pat-" + tag), ANSWERS)
                        .status())
                .isEqualTo(403);
    }
}
