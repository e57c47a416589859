package org.mutuality.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An anonymous concern stays anonymous (finding 3 of issue 13, ADR 0007): the raiser acts under a
 * pseudonym, the person the concern is about never finds them, and only a privacy lead who is not
 * that person opens the link, with a reason, on the record.
 */
@IntegrationTest
class AnonymousConcernsIntegrationTests {

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person raiser;
    String raiserToken;

    @BeforeEach
    void setUp() {
        api = agency.api();
        tag = UUID.randomUUID().toString().substring(0, 6);
        raiser = person("Anouk Anonyme " + tag, Role.PARTICIPANT, "anouk-" + tag);
        raiserToken = agency.token("anouk-" + tag);
    }

    @Test
    void keepsTheRaiserOutOfTheAccessLogOfThePersonConcerned() {
        Person worker = person("Wes Worker " + tag, Role.PEER_WORKER, "wes-" + tag);
        String id = raiseAbout(worker);
        assertThat(api.get("/api/v1/concerns/" + id, raiserToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/concerns", raiserToken).body()).contains(id);
        String privacy = agency.demoToken("privacy");
        api.post("/api/v1/concerns/" + id + "/take", privacy, "{}");
        api.post("/api/v1/concerns/" + id + "/answer", privacy, "{\"answer\":\"We spoke with the worker about it.\"}");
        assertThat(api.post("/api/v1/concerns/" + id + "/close", raiserToken, "{}")
                        .status())
                .isEqualTo(200);

        String wes = agency.token("wes-" + tag);
        String log = api.get("/api/v1/me/access-log", wes).body();
        assertThat(log)
                .contains(id)
                .doesNotContain(raiser.id().toString())
                .doesNotContain("Anouk")
                .doesNotContain("ANONYMOUS_RAISER");
        assertThat(jdbc.sql("select count(*) from audit_entry where subject_id = :s and actor_id = :r")
                        .param("s", worker.id().value())
                        .param("r", raiser.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
        String page = agency.browser("wes-" + tag).get("/me/access-log").body();
        // Not even the pseudonym's acts: their times would point at the few who could have raised it.
        assertThat(page)
                .doesNotContain("Someone who raised a concern anonymously")
                .doesNotContain("Anouk");
    }

    @Test
    void tellsTheRaiserOfTheAnswerAndShowsThemTheirOwnConcern() {
        Person worker = person("Wyn Worker " + tag, Role.PEER_WORKER, "wyn-" + tag);
        String id = raiseAbout(worker);
        String privacy = agency.demoToken("privacy");
        api.post("/api/v1/concerns/" + id + "/take", privacy, "{}");
        api.post("/api/v1/concerns/" + id + "/answer", privacy, "{\"answer\":\"We spoke with the worker about it.\"}");

        assertThat(jdbc.sql("select count(*) from notice where recipient_id = :p and kind = 'CONCERN_ANSWERED'")
                        .param("p", raiser.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/concerns/" + id, raiserToken)
                        .json()
                        .get("raisedById")
                        .asString())
                .isEqualTo(raiser.id().toString());
        assertThat(api.get("/api/v1/concerns/" + id, privacy)
                        .json()
                        .get("raisedById")
                        .isNull())
                .isTrue();
        assertThat(jdbc.sql("select count(*) from concern where id = :c and raised_by is not null")
                        .param("c", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void keepsTheRaiserFromAPrivacyLeadWhoIsTheSubject() {
        Person lead = person("Lou Lead " + tag, Role.PRIVACY_LEAD, "lou-" + tag);
        String id = raiseAbout(lead);
        String lou = agency.token("lou-" + tag);

        String bySubject = api.get("/api/v1/audit/entries?subjectId=" + lead.id() + "&limit=500", lou)
                .body();
        String byActor = api.get("/api/v1/audit/entries?actorId=" + raiser.id() + "&limit=500", lou)
                .body();

        assertThat(bySubject).contains(id).doesNotContain(raiser.id().toString());
        assertThat(byActor).doesNotContain(id);
    }

    @Test
    void refusesToOpenTheLinkForThePrivacyLeadWhoIsTheSubjectAndRecordsTheAttempt() {
        Person lead = person("Lea Lead " + tag, Role.PRIVACY_LEAD, "lea-" + tag);
        String id = raiseAbout(lead);

        Api.Response opened = api.post(
                "/api/v1/concerns/" + id + "/raiser",
                agency.token("lea-" + tag),
                "{\"reason\":\"I want to know who wrote this about me.\"}");

        assertThat(opened.status()).isEqualTo(403);
        assertThat(opened.body()).doesNotContain(raiser.id().toString());
        assertThat(unsealings(id, "DENIED")).isEqualTo(1);
    }

    @Test
    void refusesToOpenTheLinkForAManager() {
        Person worker = person("Wim Worker " + tag, Role.PEER_WORKER, "wim-" + tag);
        person("Mia Manager " + tag, Role.MANAGER, "mia-" + tag);
        String id = raiseAbout(worker);

        Api.Response opened = api.post(
                "/api/v1/concerns/" + id + "/raiser",
                agency.token("mia-" + tag),
                "{\"reason\":\"The worker asks who it was.\"}");

        assertThat(opened.status()).isEqualTo(403);
    }

    @Test
    void opensTheLinkForAnotherPrivacyLeadWithAReasonOnTheRecord() {
        Person worker = person("Wil Worker " + tag, Role.PEER_WORKER, "wil-" + tag);
        String id = raiseAbout(worker);
        String privacy = agency.demoToken("privacy");
        assertThat(api.post("/api/v1/concerns/" + id + "/raiser", privacy, "{\"reason\":\"why\"}")
                        .status())
                .isEqualTo(400);
        assertThat(unsealings(id, "DONE")).isZero();

        Api.Response opened = api.post(
                "/api/v1/concerns/" + id + "/raiser",
                privacy,
                "{\"reason\":\"The concern describes a threat; we must reach the person who raised it.\"}");

        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("raisedById").asString())
                .isEqualTo(raiser.id().toString());
        assertThat(unsealings(id, "DONE")).isEqualTo(1);
        assertThat(jdbc.sql("select reason from concern_unsealing where concern_id = :c")
                        .param("c", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .contains("threat");
    }

    private String raiseAbout(Person about) {
        return agency.raiseConcern(
                raiserToken, about.id(), "They spoke about my situation in front of other people.", true);
    }

    private long unsealings(String concern, String outcome) {
        return jdbc.sql("select count(*) from audit_entry where action = 'UNSEAL' and record_id = :c and outcome = :o")
                .param("c", concern)
                .param("o", outcome)
                .query(Long.class)
                .single();
    }

    private Person person(String name, Role role, String username) {
        return agency.person(name).roleAcrossAgency(role).account(username).create();
    }
}
