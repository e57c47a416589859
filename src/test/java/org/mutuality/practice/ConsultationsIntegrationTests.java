package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Consultations through the API, with a cast of their own for each test: Louise, a participant, and
 * her friend Marc, a peer worker she chose (the check asks to consult); Kim, the coordinator who
 * records the choice and asks; Moe, who supervises Kim; Cleo, a colleague without a conflict to
 * consult; Xavier, a supervisor who is Louise's friend too; Quinn, a peer worker colleague.
 */
@IntegrationTest
class ConsultationsIntegrationTests {

    static final String SITUATION = "Louise chose Marc, a friend of many years, as her peer worker.";

    @Autowired
    TestAgency agency;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationAgenda agenda;

    Api api;
    Person louise;
    Person marc;
    Person kim;
    Person moe;
    Person cleo;
    Person xavier;
    Person quinn;
    String tag;
    String kimToken;
    String cleoToken;

    @BeforeEach
    void cast() {
        api = agency.api();
        tag = TestAgency.tag();
        louise = agency.person("Louise Friend " + tag)
                .role(Role.PARTICIPANT)
                .account("louise-" + tag)
                .create();
        marc = agency.person("Marc Friend " + tag)
                .role(Role.PEER_WORKER)
                .account("marc-" + tag)
                .create();
        kim = agency.person("Kim Coordinator " + tag)
                .role(Role.SUPERVISOR)
                .account("kim-" + tag)
                .create();
        moe = agency.person("Moe Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("moe-" + tag)
                .create();
        cleo = agency.person("Cleo Consultant " + tag)
                .role(Role.SUPERVISOR)
                .account("cleo-" + tag)
                .create();
        xavier = agency.person("Xavier Friend " + tag)
                .role(Role.SUPERVISOR)
                .account("xavier-" + tag)
                .create();
        quinn = agency.person("Quinn Colleague " + tag)
                .role(Role.PEER_WORKER)
                .account("quinn-" + tag)
                .create();
        String privacy = agency.demoToken("privacy");
        agency.relate(privacy, "FRIEND", marc.id(), louise.id(), "STAFF");
        agency.relate(privacy, "FRIEND", xavier.id(), louise.id(), "STAFF");
        String manager = agency.demoToken("manager");
        agency.relate(manager, "SUPERVISES", moe.id(), kim.id());
        agency.relate(manager, "SUPERVISES", moe.id(), marc.id());
        kimToken = agency.token("kim-" + tag);
        cleoToken = agency.token("cleo-" + tag);
    }

    @Test
    void opensAConsultationAndProposesColleaguesWithoutAConflict() {
        Api.Response asked = ask(marc, louise);

        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("status").asString()).isEqualTo("WAITING_FOR_CONSULTANT");
        List<String> offered = asked.json()
                .get("consultants")
                .valueStream()
                .map(c -> c.get("id").asString())
                .toList();
        assertThat(offered).isNotEmpty();
        assertThat(offered)
                .doesNotContain(
                        xavier.id().toString(),
                        kim.id().toString(),
                        marc.id().toString(),
                        louise.id().toString());
    }

    @Test
    void refusesAConsultationWhenTheCheckAsksForNothing() {
        Api.Response asked = ask(quinn, louise);

        assertThat(asked.status()).isEqualTo(409);
        assertThat(asked.body()).contains("nothing to consult");
    }

    @Test
    void refusesABodyWithoutAnActionAndChangesNothing() {
        long before = agency.rows("consultation");

        Api.Response bad = api.post(
                "/api/v1/consultations",
                kimToken,
                Api.json(Map.of(
                        "actorId",
                        marc.id().toString(),
                        "subjectId",
                        louise.id().toString())));
        Api.Response unknown = api.post(
                "/api/v1/consultations",
                kimToken,
                Api.json(Map.of(
                        "action",
                        "HUG",
                        "actorId",
                        marc.id().toString(),
                        "subjectId",
                        louise.id().toString())));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("ASSIGN_SUPPORT").doesNotContain("HUG");
        assertThat(agency.rows("consultation")).isEqualTo(before);
    }

    @Test
    void refusesAParticipantAskingForAConsultation() {
        Api.Response asked = api.post("/api/v1/consultations", agency.token("louise-" + tag), body(marc, louise));

        assertThat(asked.status()).isEqualTo(403);
    }

    @Test
    void refusesAColleagueWithAConflictAsConsultant() {
        String id = id(ask(marc, louise));

        Api.Response chosen = choose(id, xavier);

        assertThat(chosen.status()).isEqualTo(409);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("WAITING_FOR_CONSULTANT");
    }

    @Test
    void tellsTheChosenColleague() {
        int before = agency.notices(cleo.id(), "CONSULTATION_ASKED_OF_YOU");

        choose(id(ask(marc, louise)), cleo);

        assertThat(agency.notices(cleo.id(), "CONSULTATION_ASKED_OF_YOU")).isEqualTo(before + 1);
    }

    @Test
    void refusesTheAskerAnsweringTheirOwnConsultation() {
        String id = chosen();

        Api.Response answered = api.post(answerPath(id), kimToken, goAhead());

        assertThat(answered.status()).isEqualTo(403);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("ASKED");
    }

    @Test
    void refusesAnsweringTwice() {
        String id = answered(goAhead());

        Api.Response again = api.post(answerPath(id), cleoToken, doNotGoAhead());

        assertThat(again.status()).isEqualTo(409);
        assertThat(read(id, kimToken).json().get("outcome").asString()).isEqualTo("GO_AHEAD_WITH_SAFEGUARDS");
    }

    @Test
    void refusesAnUnknownOutcome() {
        String id = chosen();

        Api.Response answered = api.post(answerPath(id), cleoToken, "{\"outcome\":\"MAYBE\",\"note\":\"Hmm.\"}");

        assertThat(answered.status()).isEqualTo(400);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("ASKED");
    }

    @Test
    void letsTheChoiceOfAFriendGoAheadOnAGoAheadAnswer() {
        String id = answered(goAhead());
        String referral = refer(louise);

        Api.Response choice = chooseOnReferral(referral, marc, id);

        assertThat(choice.status()).as(choice.body()).isEqualTo(200);
        assertThat(choice.json().get("status").asString()).isEqualTo("OFFERED");
        JsonNode chosenStep =
                choice.json().get("steps").get(choice.json().get("steps").size() - 1);
        assertThat(chosenStep.get("consultationId").asString()).isEqualTo(id);
        JsonNode used = read(id, kimToken).json();
        assertThat(used.get("status").asString()).isEqualTo("USED");
        assertThat(used.get("usedFor").get("id").asString()).isEqualTo(referral);
    }

    @Test
    void startsABoundaryAgreementForTheTwoWithTheSafeguards() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));

        JsonNode mine =
                api.get("/api/v1/agreements", agency.token("marc-" + tag)).json();

        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("participantId").asString())
                .isEqualTo(louise.id().toString());
        assertThat(mine.get(0).get("safeguards").get(0).asString()).isEqualTo("Write a boundary agreement together");
        assertThat(agency.notices(louise.id(), "AGREEMENT_TO_ACCEPT")).isEqualTo(1);
    }

    @Test
    void refusesToUseAConsultationTwice() {
        String id = answered(goAhead());
        chooseOnReferral(refer(louise), marc, id);
        Person other =
                agency.person("Other Participant " + tag).role(Role.PARTICIPANT).create();
        String otherReferral = refer(other);

        Api.Response again = chooseOnReferral(otherReferral, marc, id);

        assertThat(again.status()).isEqualTo(409);
        assertThat(status(otherReferral)).isEqualTo("RECEIVED");
    }

    @Test
    void refusesToUseAConsultationForAnotherSubject() {
        String id = answered(goAhead());
        Person other =
                agency.person("Other Participant " + tag).role(Role.PARTICIPANT).create();
        String otherReferral = refer(other);

        Api.Response choice = chooseOnReferral(otherReferral, marc, id);

        assertThat(choice.status()).isEqualTo(409);
        assertThat(choice.body()).contains("another action or other people");
        assertThat(status(otherReferral)).isEqualTo("RECEIVED");
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void refusesToGoAheadOnADoNotGoAheadAnswer() {
        String id = answered(doNotGoAhead());
        String referral = refer(louise);

        Api.Response choice = chooseOnReferral(referral, marc, id);

        assertThat(choice.status()).isEqualTo(409);
        assertThat(status(referral)).isEqualTo("RECEIVED");
    }

    @Test
    void refusesSomeoneElsesConsultationAsIfItDidNotExist() {
        String id = answered(goAhead());
        String referral = api.post(
                        "/api/v1/referrals",
                        cleoToken,
                        Api.json(Map.of(
                                "personId",
                                louise.id().toString(),
                                "programId",
                                agency.peerSupport().id().value().toString(),
                                "reason",
                                "Louise asked for peer support.")))
                .json()
                .get("id")
                .asString();

        Api.Response choice = api.post(
                "/api/v1/referrals/" + referral + "/choice",
                cleoToken,
                Api.json(Map.of("peerId", marc.id().toString(), "consultationId", id)));

        assertThat(choice.status()).isEqualTo(403);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void answersAnotherCoordinatorGoingAheadOnItAsIfItDidNotExist() {
        String id = answered(goAhead());
        String xavierToken = agency.token("xavier-" + tag);
        String referral = api.post(
                        "/api/v1/referrals",
                        xavierToken,
                        Api.json(Map.of(
                                "personId",
                                louise.id().toString(),
                                "programId",
                                agency.peerSupport().id().value().toString(),
                                "reason",
                                "Louise asked for peer support.")))
                .json()
                .get("id")
                .asString();
        long refusalsBefore = agency.refusals(xavier.id());

        Api.Response choice = api.post(
                "/api/v1/referrals/" + referral + "/choice",
                xavierToken,
                Api.json(Map.of("peerId", marc.id().toString(), "consultationId", id)));

        assertThat(choice.status()).isEqualTo(404);
        assertThat(agency.refusals(xavier.id())).isEqualTo(refusalsBefore + 1);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("ANSWERED");
    }

    @Test
    void letsTheAskerTheConsultantAndTheAskersSupervisorRead() {
        String id = answered(goAhead());

        assertThat(read(id, kimToken).status()).isEqualTo(200);
        assertThat(read(id, cleoToken).status()).isEqualTo(200);
        assertThat(read(id, agency.token("moe-" + tag)).status()).isEqualTo(200);
    }

    @Test
    void hidesAConsultationFromASupervisorAssignedAfterItWasAsked() {
        String id = answered(goAhead());
        askedDaysAgo(id, 2);
        Person nia = supervisorOfKimSince(agency.today());
        String niaToken = agency.token("nia-" + tag);
        long refusals = agency.refusals(nia.id());

        Api.Response hidden = read(id, niaToken);
        String absent = UUID.randomUUID().toString();
        Api.Response missing = read(absent, niaToken);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(id, absent)).isEqualTo(missing.body());
        assertThat(agency.refusals(nia.id())).isEqualTo(refusals + 1);
        assertThat(api.get("/api/v1/consultations", niaToken).body()).doesNotContain(id);
    }

    @Test
    void letsASupervisorInPlaceOnTheDayItWasAskedRead() {
        String id = answered(goAhead());
        supervisorOfKimSince(agency.today());

        assertThat(read(id, agency.token("nia-" + tag)).status()).isEqualTo(200);
    }

    @Test
    void leavesAConsultationAskedBeforeTheSupervisionBeganOffThatSupervisorsAgenda() {
        String id = chosen();
        askedDaysAgo(id, 2);
        Person nia = supervisorOfKimSince(agency.today());

        assertThat(agenda.waitingFor(agency.id(), nia.id(), kim.id(), agency.today()))
                .isEmpty();
        assertThat(agenda.waitingFor(agency.id(), moe.id(), kim.id(), agency.today()))
                .extracting(AgendaItem::reference)
                .containsExactly(id);
    }

    /** Nia, a supervisor who supervises Kim from that day on. */
    private Person supervisorOfKimSince(java.time.LocalDate since) {
        return supervisorSince(kim, since);
    }

    private void askedDaysAgo(String id, int days) {
        jdbc.sql("update consultation set asked_at = :at where id = :id")
                .param("at", agency.today().minusDays(days).atTime(12, 0).atOffset(java.time.ZoneOffset.UTC))
                .param("id", UUID.fromString(id))
                .update();
    }

    @Test
    void hidesAConsultationFromEveryoneElseAsAMissingOne() {
        String id = answered(goAhead());
        Api.Response missing = read(UUID.randomUUID().toString(), agency.token("quinn-" + tag));

        for (String token : List.of(
                agency.token("quinn-" + tag),
                agency.token("louise-" + tag),
                agency.token("marc-" + tag),
                agency.demoToken("privacy"),
                agency.demoToken("admin"),
                otherAgencyToken())) {
            Api.Response hidden = read(id, token);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body().replace(id, "ID")).isEqualTo(missing.body().replaceAll("[0-9a-f-]{36}", "ID"));
        }
    }

    @Test
    void auditsARefusedReadAboutTheParticipantWithoutTheSituation() {
        String id = answered(goAhead());

        read(id, agency.token("quinn-" + tag));

        List<Map<String, Object>> entries = jdbc.sql("""
                        select outcome, detail from audit_entry
                        where actor_id = :a and subject_id = :s and record_id = :r
                        """)
                .param("a", quinn.id().value())
                .param("s", louise.id().value())
                .param("r", id)
                .query()
                .listOfRows();
        assertThat(entries).extracting(e -> e.get("outcome")).containsExactly("DENIED");
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like :t")
                        .param("t", "%many years%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void letsBothAcceptTheAgreementAndEitherReopenIt() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));
        String marcToken = agency.token("marc-" + tag);
        String louiseToken = agency.token("louise-" + tag);
        String agreement =
                api.get("/api/v1/agreements", marcToken).json().get(0).get("id").asString();

        Api.Response written = api.put(
                "/api/v1/agreements/" + agreement,
                louiseToken,
                "{\"topics\":{\"evenings\":\"Support messages wait until morning.\"}}");
        Api.Response byMarc = api.post("/api/v1/agreements/" + agreement + "/accept", marcToken, "");
        Api.Response byLouise = api.post("/api/v1/agreements/" + agreement + "/accept", louiseToken, "");
        Api.Response reopened = api.post("/api/v1/agreements/" + agreement + "/revisit", marcToken, "");

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(byMarc.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(byLouise.json().get("status").asString()).isEqualTo("AGREED");
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().get("peerAcceptedAt").isNull()).isTrue();
    }

    @Test
    void letsThePeerWorkersSupervisorReadTheAgreementButNotChangeIt() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));
        String moeToken = agency.token("moe-" + tag);
        String agreement =
                api.get("/api/v1/agreements", moeToken).json().get(0).get("id").asString();

        assertThat(api.get("/api/v1/agreements/" + agreement, moeToken).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/agreements/" + agreement + "/accept", moeToken, "")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void hidesTheAgreementFromASupervisorWhoseSupervisionBeganAfterItStarted() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));
        String agreement = api.get("/api/v1/agreements", agency.token("marc-" + tag))
                .json()
                .get(0)
                .get("id")
                .asString();
        startedDaysAgo(agreement, 3);
        Person nia = supervisorSince(marc, agency.today().minusDays(1));
        String niaToken = agency.token("nia-" + tag);
        long refusals = agency.refusals(nia.id());
        String absent = UUID.randomUUID().toString();

        Api.Response hidden = api.get("/api/v1/agreements/" + agreement, niaToken);
        Api.Response missing = api.get("/api/v1/agreements/" + absent, niaToken);
        Api.Response accept = api.post("/api/v1/agreements/" + agreement + "/accept", niaToken, "");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(agreement, absent)).isEqualTo(missing.body());
        assertThat(accept.status()).isEqualTo(404);
        assertThat(agency.refusals(nia.id())).isEqualTo(refusals + 2);
        assertThat(api.get("/api/v1/agreements", niaToken).body()).doesNotContain(agreement);
        assertThat(agency.browser("nia-" + tag).get("/agreements/" + agreement).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreement, agency.token("moe-" + tag))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void letsASupervisorInPlaceOnTheDayTheAgreementStartedReadIt() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));
        String agreement = api.get("/api/v1/agreements", agency.token("marc-" + tag))
                .json()
                .get(0)
                .get("id")
                .asString();
        startedDaysAgo(agreement, 3);
        supervisorSince(marc, agency.today().minusDays(3));

        assertThat(api.get("/api/v1/agreements/" + agreement, agency.token("nia-" + tag))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void leadsTheTwoPeopleOfAnAgreementToItFromTheirHomePageAndNobodyElse() {
        String before = agency.browser("louise-" + tag).get("/").body();
        chooseOnReferral(refer(louise), marc, answered(goAhead()));

        String louises = agency.browser("louise-" + tag).get("/").body();
        String marcs = agency.browser("marc-" + tag).get("/").body();
        String quinns = agency.browser("quinn-" + tag).get("/").body();

        assertThat(before).doesNotContain("id=\"my-agreements\"");
        assertThat(louises).contains("href=\"/agreements\" id=\"my-agreements\"");
        assertThat(marcs).contains("id=\"my-agreements\"");
        assertThat(quinns).doesNotContain("id=\"my-agreements\"");
        assertThat(agency.browser("louise-" + tag).get("/agreements").body()).contains("Marc Friend " + tag);
    }

    @Test
    void refusesAWithdrawalFromThePageWithoutItsTickAndWithdrawsWithIt() {
        String id = chosen();
        var kimPage = agency.browser("kim-" + tag);
        kimPage.get("/consultations/" + id);

        var unticked = kimPage.post("/consultations/" + id + "/withdraw", Map.of());
        String after = kimPage.get("/consultations/" + id).body();
        String stateAfter = read(id, kimToken).json().get("status").asString();
        var ticked = kimPage.post("/consultations/" + id + "/withdraw", Map.of("confirmed", "true"));

        assertThat(unticked.statusCode()).isEqualTo(302);
        assertThat(after).contains("Tick the box to confirm that you withdraw this consultation.");
        assertThat(stateAfter).isEqualTo("ASKED");
        assertThat(ticked.statusCode()).isEqualTo(302);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("WITHDRAWN");
    }

    @Test
    void keepsWithdrawingThroughTheApiOneStep() {
        String id = chosen();

        Api.Response r = api.post("/api/v1/consultations/" + id + "/withdraw", kimToken, "");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(read(id, kimToken).json().get("status").asString()).isEqualTo("WITHDRAWN");
    }

    private void startedDaysAgo(String agreement, int days) {
        jdbc.sql("update boundary_agreement set created_at = :at where id = :id")
                .param("at", agency.today().minusDays(days).atTime(12, 0).atOffset(java.time.ZoneOffset.UTC))
                .param("id", UUID.fromString(agreement))
                .update();
    }

    /** Nia, a supervisor who supervises the person from that day on. */
    private Person supervisorSince(Person supervisee, LocalDate since) {
        Person nia = agency.person("Nia Newcomer " + tag)
                .role(Role.SUPERVISOR)
                .account("nia-" + tag)
                .create();
        Api.Response r = api.post(
                "/api/v1/relationships",
                agency.demoToken("manager"),
                Api.json(Map.of(
                        "kind", "SUPERVISES",
                        "personAId", nia.id().toString(),
                        "personBId", supervisee.id().toString(),
                        "startDate", since.toString(),
                        "acknowledge", true)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return nia;
    }

    @Test
    void hidesTheAgreementFromAColleagueAndTheConsultant() {
        chooseOnReferral(refer(louise), marc, answered(goAhead()));
        String agreement = api.get("/api/v1/agreements", agency.token("marc-" + tag))
                .json()
                .get(0)
                .get("id")
                .asString();

        assertThat(api.get("/api/v1/agreements/" + agreement, agency.token("quinn-" + tag))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreement, cleoToken).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/" + agreement, agency.demoToken("privacy"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void bringsAConsultationWaitingForAnAnswerToTheAskersSupervisionByReferenceOnly() {
        String id = chosen();

        List<AgendaItem> items = agenda.waitingFor(agency.id(), moe.id(), kim.id(), agency.today());

        assertThat(items)
                .containsExactly(new AgendaItem(
                        AgendaItem.Source.OPEN_CONSULTATION, id, "consultation.status.ASKED", agency.today()));
    }

    @Test
    void leavesAConsultationAdvisedAgainstOffTheAgenda() {
        answered(doNotGoAhead());

        assertThat(agenda.waitingFor(agency.id(), moe.id(), kim.id(), agency.today()))
                .isEmpty();
    }

    @Test
    void attachesTheAskersReflectionForTheConsultantAndTheSupervisorToRead() {
        String id = chosen();

        Api.Response attached = reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS);

        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.json().get("reflection").get("text").asString())
                .contains("A participant invited me to a party")
                .contains("Overall: medium");
        assertThat(attached.json().get("reflection").get("language").asString()).isEqualTo("en");
        assertThat(attached.json().get("status").asString()).isEqualTo("ASKED");
        for (String reader : List.of(cleoToken, agency.token("moe-" + tag))) {
            assertThat(read(id, reader).json().get("reflection").get("text").asString())
                    .contains("A participant invited me to a party");
        }
    }

    @Test
    void keepsTheReflectionInTheAskersLanguageAndLetsThemReplaceAndRemoveIt() {
        String id = chosen();
        reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS);

        Api.Response replaced = api.post(
                reflectionPath(id) + "?lang=fr",
                kimToken,
                NavigatorIntegrationTests.ANSWERS.replace("A participant invited me to a party", "Une fête"));
        String inFrench =
                read(id, cleoToken).json().get("reflection").get("text").asString();
        Api.Response removed = unreflect(id, kimToken);
        Api.Response again = unreflect(id, kimToken);

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(inFrench).contains("Une fête").contains("Dans l’ensemble : moyen");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("reflection").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(409);
        assertThat(read(id, agency.token("moe-" + tag)).json().get("reflection").isNull())
                .isTrue();
    }

    @Test
    void auditsTheReflectionAboutTheParticipantWithoutItsText() {
        String id = chosen();

        reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS);
        read(id, cleoToken);

        List<Map<String, Object>> writes = jdbc.sql("""
                        select detail from audit_entry
                        where actor_id = :a and subject_id = :s and record_id = :r and action = 'WRITE'
                        """)
                .param("a", kim.id().value())
                .param("s", louise.id().value())
                .param("r", id)
                .query()
                .listOfRows();
        assertThat(writes).extracting(e -> e.get("detail")).contains("reflection attached");
        assertThat(jdbc.sql("select count(*) from audit_entry where detail like :t")
                        .param("t", "%invited me to a party%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hidesTheReflectionFromEveryoneElseAsAMissingConsultation() {
        String id = chosen();
        reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS);
        String absent = UUID.randomUUID().toString();
        Map<String, String> others = new LinkedHashMap<>();
        others.put("quinn-" + tag, agency.token("quinn-" + tag));
        others.put("louise-" + tag, agency.token("louise-" + tag));
        others.put("admin", agency.demoToken("admin"));
        others.put("privacy", agency.demoToken("privacy"));
        others.put("other-" + tag, otherAgencyToken());

        for (Map.Entry<String, String> other : others.entrySet()) {
            Api.Response missing = reflect(absent, other.getValue(), NavigatorIntegrationTests.ANSWERS);
            long refusals = agency.refusals(other.getKey());

            Api.Response attach = reflect(id, other.getValue(), NavigatorIntegrationTests.ANSWERS);
            Api.Response remove = unreflect(id, other.getValue());
            Api.Response get = read(id, other.getValue());

            for (Api.Response hidden : List.of(attach, remove, get)) {
                assertThat(hidden.status()).as(other.getKey()).isEqualTo(404);
                assertThat(hidden.body()).doesNotContain("party");
            }
            assertThat(attach.body().replace(id, absent)).as(other.getKey()).isEqualTo(missing.body());
            // Another agency's consultation is outside the caller's agency, as a missing one is: its
            // own log has nothing to say about it.
            long audited = other.getKey().startsWith("other-") ? 0 : 3;
            assertThat(agency.refusals(other.getKey())).as(other.getKey()).isEqualTo(refusals + audited);
        }
        assertThat(read(id, kimToken).json().get("reflection").get("text").asString())
                .contains("A participant invited me to a party");
    }

    @Test
    void refusesTheConsultantAndTheSupervisorAttachingToTheAskersConsultation() {
        String id = chosen();
        reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS);
        String otherAnswers = NavigatorIntegrationTests.ANSWERS.replace("A participant invited me", "Someone else");

        for (String reader : List.of(cleoToken, agency.token("moe-" + tag))) {
            assertThat(reflect(id, reader, otherAnswers).status()).isEqualTo(403);
            assertThat(unreflect(id, reader).status()).isEqualTo(403);
        }
        JsonNode kept = read(id, kimToken).json();
        assertThat(kept.get("reflection").get("text").asString()).contains("A participant invited me to a party");
    }

    @Test
    void refusesAReflectionOnAWithdrawnOrUsedConsultationAndChangesNothing() {
        String withdrawn = chosen();
        api.post("/api/v1/consultations/" + withdrawn + "/withdraw", kimToken, "");
        String used = answered(goAhead());
        reflect(used, kimToken, NavigatorIntegrationTests.ANSWERS);
        chooseOnReferral(refer(louise), marc, used);

        Api.Response onWithdrawn = reflect(withdrawn, kimToken, NavigatorIntegrationTests.ANSWERS);
        Api.Response onUsed = reflect(used, kimToken, NavigatorIntegrationTests.ANSWERS.replace("party", "wedding"));
        Api.Response offUsed = unreflect(used, kimToken);

        assertThat(onWithdrawn.status()).isEqualTo(409);
        assertThat(onUsed.status()).isEqualTo(409);
        assertThat(offUsed.status()).isEqualTo(409);
        assertThat(read(withdrawn, kimToken).json().get("reflection").isNull()).isTrue();
        JsonNode usedNow = read(used, kimToken).json();
        assertThat(usedNow.get("status").asString()).isEqualTo("USED");
        assertThat(usedNow.get("reflection").get("text").asString())
                .contains("party")
                .doesNotContain("wedding");
    }

    @Test
    void refusesABadReflectionBodyAndChangesNothing() {
        String id = chosen();

        Api.Response missing =
                reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS.replace("\"power\":\"SOME\",", ""));
        Api.Response unknown =
                reflect(id, kimToken, NavigatorIntegrationTests.ANSWERS.replace("ALTRUISTIC", "ROMANTIC"));
        Api.Response notJson = api.send("POST", reflectionPath(id), kimToken, "application/json", "{power:");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("power");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(read(id, kimToken).json().get("reflection").isNull()).isTrue();
    }

    private Api.Response reflect(String id, String token, String answers) {
        return api.post(reflectionPath(id), token, answers);
    }

    private Api.Response unreflect(String id, String token) {
        return api.send("DELETE", reflectionPath(id), token, "application/json", "");
    }

    private static String reflectionPath(String id) {
        return "/api/v1/consultations/" + id + "/reflection";
    }

    private Api.Response ask(Person actor, Person subject) {
        return api.post("/api/v1/consultations", kimToken, body(actor, subject));
    }

    private static String body(Person actor, Person subject) {
        return Api.json(Map.of(
                "action",
                "ASSIGN_SUPPORT",
                "actorId",
                actor.id().toString(),
                "subjectId",
                subject.id().toString(),
                "situation",
                SITUATION));
    }

    private Api.Response choose(String id, Person consultant) {
        return api.post(
                "/api/v1/consultations/" + id + "/consultant",
                kimToken,
                Api.json(Map.of("consultantId", consultant.id().toString())));
    }

    private String chosen() {
        String id = id(ask(marc, louise));
        assertThat(choose(id, cleo).status()).isEqualTo(200);
        return id;
    }

    private String answered(String answer) {
        String id = chosen();
        Api.Response answered = api.post(answerPath(id), cleoToken, answer);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        return id;
    }

    private static String answerPath(String id) {
        return "/api/v1/consultations/" + id + "/answer";
    }

    private static String goAhead() {
        return Api.json(Map.of(
                "outcome",
                "GO_AHEAD_WITH_SAFEGUARDS",
                "note",
                "It can work: agree on limits first.",
                "safeguards",
                List.of("Write a boundary agreement together", "Talk it over in supervision next month")));
    }

    private static String doNotGoAhead() {
        return Api.json(Map.of("outcome", "DO_NOT_GO_AHEAD", "note", "Another peer worker would be better."));
    }

    private Api.Response read(String id, String token) {
        return api.get("/api/v1/consultations/" + id, token);
    }

    private String refer(Person person) {
        Api.Response r = api.post(
                "/api/v1/referrals",
                kimToken,
                Api.json(Map.of(
                        "personId",
                        person.id().toString(),
                        "programId",
                        agency.peerSupport().id().value().toString(),
                        "reason",
                        "Asked for peer support.")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private Api.Response chooseOnReferral(String referral, Person peer, String consultation) {
        return api.post(
                "/api/v1/referrals/" + referral + "/choice",
                kimToken,
                Api.json(Map.of("peerId", peer.id().toString(), "consultationId", consultation)));
    }

    private String status(String referral) {
        return api.get("/api/v1/referrals/" + referral, kimToken)
                .json()
                .get("status")
                .asString();
    }

    private static String id(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A supervisor of another agency, with an account. */
    private String otherAgencyToken() {
        LocalDate since = agency.today().minusDays(1);
        AgencyId other = directory.createAgency("Other agency " + tag, false);
        Person b = directory.register(
                other,
                new PersonDetails("Other Supervisor " + tag, null, null, null, null),
                List.of(new AssignRole(Role.SUPERVISOR, null, null, since, null)));
        directory.openAccount(other, b.id(), "other-" + tag, TestAgency.PASSWORD);
        return api.token("other-" + tag, TestAgency.PASSWORD);
    }
}
