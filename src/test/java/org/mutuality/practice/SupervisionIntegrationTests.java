package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Supervision through the API: a supervisor plans a session with the peer worker they supervise, the
 * agenda comes prefilled, both write, both sign, and nobody else reads what was said: not another
 * supervisor, an administrator, a participant, the privacy lead (who sees only that it happened) or
 * anyone of another agency. Every read is audited about the supervisee.
 */
@IntegrationTest
class SupervisionIntegrationTests {

    static final String SESSIONS = "/api/v1/supervision/sessions";

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String tag;
    Person sue;
    Person pia;
    String sueToken;
    String piaToken;
    String ottoToken;
    String supervision;

    @BeforeEach
    void aSupervisorThePeerWorkerSheSupervisesAndAnotherSupervisor() {
        api = agency.api();
        tag = TestAgency.tag();
        sue = agency.person("Sue Supervisor " + tag)
                .role(Role.SUPERVISOR)
                .account("sue-" + tag)
                .create();
        pia = agency.person("Pia Peer " + tag)
                .role(Role.PEER_WORKER)
                .account("pia-" + tag)
                .create();
        agency.person("Otto Other " + tag)
                .role(Role.SUPERVISOR)
                .account("otto-" + tag)
                .create();
        supervision = agency.relate(agency.demoToken("manager"), "SUPERVISES", sue.id(), pia.id());
        sueToken = agency.token("sue-" + tag);
        piaToken = agency.token("pia-" + tag);
        ottoToken = agency.token("otto-" + tag);
    }

    @Test
    void plansASessionWithItsAgendaPrefilledByReference() {
        Api.Response r = plan(sueToken, pia, agency.today());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode agenda = r.json().get("agenda");
        assertThat(agenda).hasSize(ChecklistTopic.values().length);
        assertThat(agenda.get(0).get("source").asString()).isEqualTo("CHECKLIST_TOPIC");
        assertThat(agenda.get(0).get("reference").asString()).isEqualTo("LIVED_EXPERIENCE_SHARING");
        assertThat(r.json().get("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void refusesAnotherSupervisorPlanningWithSomeoneTheyDoNotSupervise() {
        long before = agency.rows("supervision_session");

        Api.Response r = plan(ottoToken, pia, agency.today());

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("someone you supervise today");
        assertThat(agency.rows("supervision_session")).isEqualTo(before);
        assertThat(agency.refusals("otto-" + tag)).isEqualTo(1);
    }

    @Test
    void refusesTheSuperviseePlanningWithTheirSupervisor() {
        assertThat(plan(piaToken, sue, agency.today()).status()).isEqualTo(403);
    }

    @Test
    void letsBothPeopleReadTheSessionAndAuditsEachReadAboutTheSupervisee() {
        String path = session();
        long reads = allowedReadsAbout(pia);

        assertThat(api.get(path, sueToken).status()).isEqualTo(200);
        assertThat(api.get(path, piaToken).status()).isEqualTo(200);
        assertThat(allowedReadsAbout(pia)).isEqualTo(reads + 2);
    }

    @Test
    void refusesAnotherSupervisorToReadOrWriteAndAuditsIt() {
        String path = session();

        assertThat(api.get(path, ottoToken).status()).isEqualTo(404);
        assertThat(api.post(path + "/notes", ottoToken, "{\"text\":\"Let me in.\"}")
                        .status())
                .isEqualTo(404);
        assertThat(agency.refusals("otto-" + tag)).isEqualTo(2);
        assertThat(agency.rows("supervision_note where session_id = '" + id(path) + "'"))
                .isZero();
    }

    @Test
    void answersSomeoneWhoIsNoPartyExactlyAsForAMissingSession() {
        String path = session();
        String missing = SESSIONS + "/" + java.util.UUID.randomUUID();

        for (String suffix : new String[] {"", "/summary"}) {
            Api.Response hidden = api.get(path + suffix, ottoToken);
            Api.Response absent = api.get(missing + suffix, ottoToken);

            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.body().replace(id(path), id(missing))).isEqualTo(absent.body());
        }
        assertThat(agency.refusals("otto-" + tag)).isEqualTo(2);
    }

    @Test
    void answersAWriteBySomeoneWhoIsNoPartyExactlyAsForAMissingSession() {
        String path = session();
        String missing = SESSIONS + "/" + java.util.UUID.randomUUID();

        Api.Response hidden = api.post(path + "/sign-off", ottoToken, "");
        Api.Response absent = api.post(missing + "/sign-off", ottoToken, "");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body().replace(id(path), id(missing))).isEqualTo(absent.body());
        assertThat(agency.refusals("otto-" + tag)).isEqualTo(1);
    }

    @Test
    void refusesAFormerSupervisorToWriteToOrSignTheirPastSession() {
        String path = session();
        api.post(path + "/notes", sueToken, "{\"text\":\"Before the change.\"}");
        Api.Response ended =
                api.post("/api/v1/relationships/" + supervision + "/end", agency.demoToken("manager"), "{}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);

        Api.Response note = api.post(path + "/notes", sueToken, "{\"text\":\"After the change.\"}");
        Api.Response signed = api.post(path + "/sign-off", sueToken, "");

        assertThat(note.status()).isEqualTo(403);
        assertThat(note.body()).contains("no longer supervise");
        assertThat(signed.status()).isEqualTo(403);
        assertThat(agency.rows("supervision_note where session_id = '" + id(path) + "'"))
                .isEqualTo(1);
        assertThat(api.get(path, sueToken).json().get("supervisorSignedAt").isNull())
                .isTrue();
    }

    @Test
    void refusesTheSuperviseeToWriteToOrSignOnceTheSupervisionHasEnded() {
        String path = session();
        endSupervision();
        long refusals = agency.refusals("pia-" + tag);

        Api.Response note = api.post(path + "/notes", piaToken, "{\"text\":\"After the change.\"}");
        Api.Response topics = api.put(path + "/topics", piaToken, "{\"topics\":[\"RESOURCES\"]}");
        Api.Response signed = api.post(path + "/sign-off", piaToken, "");

        assertThat(note.status()).isEqualTo(403);
        assertThat(note.body()).contains("no longer supervises you");
        assertThat(topics.status()).isEqualTo(403);
        assertThat(signed.status()).isEqualTo(403);
        assertThat(agency.refusals("pia-" + tag)).isEqualTo(refusals + 3);
        assertThat(agency.rows("supervision_note where session_id = '" + id(path) + "'"))
                .isZero();
        JsonNode read = api.get(path, piaToken).json();
        assertThat(read.get("superviseeSignedAt").isNull()).isTrue();
        assertThat(read.get("topics")).isEmpty();
    }

    @Test
    void showsBothPeopleTheSessionAsReadOnlyOnceTheSupervisionHasEndedWithoutItsForms() {
        String path = session();
        String page = "/supervision/sessions/" + id(path);
        String open = agency.browser("pia-" + tag).get(page).body();
        endSupervision();

        String toSue = agency.browser("sue-" + tag).get(page).body();
        String toPia = agency.browser("pia-" + tag).get(page).body();

        assertThat(open).contains("/notes\"", "/sign-off\"").doesNotContain("read-only now");
        assertThat(toSue)
                .contains("This session is read-only now")
                .contains("You no longer supervise Pia Peer " + tag)
                .doesNotContain("/notes\"", "/actions\"", "/sign-off\"", "Save the topics");
        assertThat(toPia)
                .contains("This session is read-only now")
                .contains("Sue Supervisor " + tag + " no longer supervises you")
                .doesNotContain("/notes\"", "/actions\"", "/sign-off\"", "Save the topics");
    }

    @Test
    void refusesASignOffFromThePageWithoutItsTickAndSignsWithIt() {
        String path = session();
        String page = "/supervision/sessions/" + id(path);
        var sue = agency.browser("sue-" + tag);
        sue.get(page);

        var unticked = sue.post(page + "/sign-off", Map.of());
        String after = sue.get(page).body();
        boolean signedWithout =
                !api.get(path, sueToken).json().get("supervisorSignedAt").isNull();
        var ticked = sue.post(page + "/sign-off", Map.of("confirmed", "true"));

        assertThat(unticked.statusCode()).isEqualTo(302);
        assertThat(after).contains("Tick the box to confirm that you sign off your part");
        assertThat(signedWithout).isFalse();
        assertThat(ticked.statusCode()).isEqualTo(302);
        assertThat(api.get(path, sueToken).json().get("status").asString()).isEqualTo("SIGNED_BY_SUPERVISOR");
    }

    @Test
    void tellsTheSuperviseeASessionWasPlannedWithThemWithALinkToIt() {
        int before = agency.notices(pia.id(), "SUPERVISION_PLANNED_WITH_YOU");
        int sues = agency.notices(sue.id(), "SUPERVISION_PLANNED_WITH_YOU");

        String path = session();

        assertThat(agency.notices(pia.id(), "SUPERVISION_PLANNED_WITH_YOU")).isEqualTo(before + 1);
        assertThat(agency.notices(sue.id(), "SUPERVISION_PLANNED_WITH_YOU")).isEqualTo(sues);
        assertThat(lastNoticeLink(pia, "SUPERVISION_PLANNED_WITH_YOU")).isEqualTo("/supervision/sessions/" + id(path));
        assertThat(agency.browser("pia-" + tag).get("/notices").body())
                .contains("Your supervisor planned a supervision session with you.");
    }

    @Test
    void tellsTheSignerWhenTheOthersChangeWithdrewTheirSignatureButNotForAPrivateNote() {
        String path = session();
        api.post(path + "/sign-off", sueToken, "");

        api.post(path + "/notes", piaToken, "{\"text\":\"Just for me.\",\"privateNote\":true}");
        int afterPrivate = agency.notices(sue.id(), "SUPERVISION_SIGNATURE_WITHDRAWN");
        api.put(path + "/topics", piaToken, "{\"topics\":[\"SATISFACTION\"]}");

        assertThat(afterPrivate).isZero();
        assertThat(agency.notices(sue.id(), "SUPERVISION_SIGNATURE_WITHDRAWN")).isEqualTo(1);
        assertThat(agency.notices(pia.id(), "SUPERVISION_SIGNATURE_WITHDRAWN")).isZero();
        assertThat(lastNoticeLink(sue, "SUPERVISION_SIGNATURE_WITHDRAWN"))
                .isEqualTo("/supervision/sessions/" + id(path));
    }

    @Test
    void tellsNobodyWhenTheSignerChangesTheSessionThemselves() {
        String path = session();
        api.post(path + "/sign-off", sueToken, "");

        api.post(path + "/notes", sueToken, "{\"text\":\"One more thing from me.\"}");

        assertThat(agency.notices(sue.id(), "SUPERVISION_SIGNATURE_WITHDRAWN")).isZero();
        assertThat(agency.notices(pia.id(), "SUPERVISION_SIGNATURE_WITHDRAWN")).isZero();
    }

    @Test
    void letsAFormerSupervisorStillReadTheirPastSession() {
        String path = session();
        api.post("/api/v1/relationships/" + supervision + "/end", agency.demoToken("manager"), "{}");

        assertThat(api.get(path, sueToken).status()).isEqualTo(200);
        assertThat(api.get(path, piaToken).status()).isEqualTo(200);
    }

    @Test
    void refusesTheAdministratorAndAParticipantToRead() {
        String path = session();

        assertThat(api.get(path, agency.demoToken("admin")).status()).isEqualTo(404);
        assertThat(api.get(path, agency.demoToken("participant")).status()).isEqualTo(404);
    }

    @Test
    void showsThePrivacyLeadThatASessionHappenedButNotWhatWasSaid() {
        String path = session();
        api.post(path + "/notes", sueToken, "{\"text\":\"Pia talked about the walking group.\"}");
        String privacy = agency.demoToken("privacy");

        Api.Response content = api.get(path, privacy);
        Api.Response summary = api.get(path + "/summary", privacy);

        assertThat(content.status()).isEqualTo(404);
        assertThat(content.body()).doesNotContain("walking group");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("heldOn").asString())
                .isEqualTo(agency.today().toString());
        assertThat(summary.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(summary.body()).doesNotContain("walking group").doesNotContain("agenda");
        assertThat(api.get(SESSIONS, privacy).body()).contains(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void answersSomeoneOfAnotherAgencyAsIfTheSessionDidNotExist() {
        String path = session();
        String outsiderToken = supervisorElsewhere();

        Api.Response hidden = api.get(path, outsiderToken);
        Api.Response missing = api.get(SESSIONS + "/" + java.util.UUID.randomUUID(), outsiderToken);

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void refusesSomeoneOfAnotherAgencyASessionWithAPersonOfThisOne() {
        assertThat(plan(supervisorElsewhere(), pia, agency.today()).status()).isEqualTo(403);
    }

    private String supervisorElsewhere() {
        TestAgency other = agency.inAgency("Supervision Elsewhere");
        return other.token(other.person("Elsewhere Supervisor")
                .roleAcrossAgency(Role.SUPERVISOR)
                .account()
                .create());
    }

    @Test
    void opensNoSessionToABreakTheGlassGrant() {
        String path = session();
        Api.Response grant = api.post(
                "/api/v1/access/break-glass",
                ottoToken,
                Api.json(Map.of(
                        "subjectId", pia.id().toString(),
                        "recordKind", "PRACTICE_RECORDS",
                        "reason", "RISK_OF_SERIOUS_HARM",
                        "detail", "Worried about Pia after the last group.")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        long refusals = agency.refusals("otto-" + tag);

        assertThat(api.get(path, ottoToken).status()).isEqualTo(404);
        assertThat(agency.refusals("otto-" + tag)).isEqualTo(refusals + 1);
    }

    @Test
    void keepsTheSuperviseesPrivateNoteFromTheSupervisor() {
        String path = session();

        Api.Response written =
                api.post(path + "/notes", piaToken, "{\"text\":\"I felt tired all week.\",\"privateNote\":true}");

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(api.get(path, piaToken).body()).contains("I felt tired all week.");
        assertThat(api.get(path, sueToken).body()).doesNotContain("I felt tired all week.");
    }

    @Test
    void refusesTheSupervisorAPrivateNote() {
        String path = session();

        Api.Response r = api.post(path + "/notes", sueToken, "{\"text\":\"Mine only.\",\"privateNote\":true}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(agency.rows("supervision_note where session_id = '" + id(path) + "'"))
                .isZero();
    }

    @Test
    void marksTopicsDiscussedAndLeavesThemOffTheNextAgenda() {
        String path = session();

        Api.Response r = api.put(path + "/topics", sueToken, "{\"topics\":[\"RESOURCES\",\"inclusion\"]}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("topics").toString()).contains("RESOURCES", "INCLUSION");
        assertThat(plan(sueToken, pia, agency.today()).json().get("agenda").toString())
                .doesNotContain("\"RESOURCES\"")
                .contains("\"SATISFACTION\"");
    }

    @Test
    void carriesAnOpenActionToTheNextAgendaUntilItIsDone() {
        String first = session();
        String action = api.post(
                        first + "/actions",
                        sueToken,
                        "{\"text\":\"Call the peer network\",\"dueOn\":\""
                                + agency.today().plusDays(7) + "\"}")
                .json()
                .get("actions")
                .get(0)
                .get("id")
                .asString();

        JsonNode second = plan(sueToken, pia, agency.today()).json();
        String secondPath = SESSIONS + "/" + second.get("id").asString();
        Api.Response done = api.post(secondPath + "/actions/" + action + "/done", piaToken, "");
        JsonNode third = plan(sueToken, pia, agency.today()).json();

        assertThat(second.get("agenda").get(0).get("source").asString()).isEqualTo("CARRIED_ACTION");
        assertThat(second.get("agenda").get(0).get("reference").asString()).isEqualTo(action);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("carriedActions").get(0).get("doneOn").asString())
                .isEqualTo(agency.today().toString());
        assertThat(third.get("agenda").toString()).doesNotContain(action);
    }

    @Test
    void closesTheSessionOnceBothSigned() {
        String path = session();

        assertThat(api.post(path + "/sign-off", sueToken, "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("SIGNED_BY_SUPERVISOR");
        assertThat(api.post(path + "/sign-off", piaToken, "")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        Api.Response late = api.post(path + "/notes", sueToken, "{\"text\":\"One more thing.\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("Signed by both");
    }

    @Test
    void withdrawsASignatureWhenTheOtherPersonChangesWhatWasSigned() {
        String path = session();
        api.put(path + "/topics", sueToken, "{\"topics\":[\"RESOURCES\"]}");
        api.post(path + "/sign-off", sueToken, "");

        Api.Response changed = api.put(path + "/topics", piaToken, "{\"topics\":[\"SATISFACTION\"]}");
        Api.Response signed = api.post(path + "/sign-off", piaToken, "");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("supervisorSignedAt").isNull()).isTrue();
        assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED_BY_SUPERVISEE");
    }

    @Test
    void refusesSigningTwice() {
        String path = session();
        api.post(path + "/sign-off", sueToken, "");

        assertThat(api.post(path + "/sign-off", sueToken, "").status()).isEqualTo(409);
    }

    @Test
    void refusesTheSupervisorSigningTheSuperviseesPart() {
        String path = session();

        Api.Response r = api.post(path + "/sign-off", sueToken, "{\"part\":\"SUPERVISEE\"}");

        assertThat(r.status()).isEqualTo(403);
        assertThat(api.get(path, sueToken).json().get("superviseeSignedAt").isNull())
                .isTrue();
    }

    @Test
    void refusesBadBodiesWithAClearProblemAndChangesNothing() {
        long before = agency.rows("supervision_session");
        String body = "{\"superviseeId\":\"" + pia.id() + "\",\"heldOn\":\"" + agency.today() + "\"";

        Api.Response tooShort = api.post(SESSIONS, sueToken, body + ",\"minutes\":5,\"form\":\"ONE_TO_ONE\"}");
        Api.Response noForm = api.post(SESSIONS, sueToken, body + ",\"minutes\":60,\"form\":\"WALK\"}");
        Api.Response missing = api.post(SESSIONS, sueToken, "{}");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body()).contains("between 10 and 480");
        assertThat(noForm.status()).isEqualTo(400);
        assertThat(noForm.body()).contains("ONE_TO_ONE, GROUP, PEER");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(agency.rows("supervision_session")).isEqualTo(before);
    }

    @Test
    void refusesAnActionDueBeforeTheSession() {
        String path = session();

        Api.Response r = api.post(
                path + "/actions",
                sueToken,
                "{\"text\":\"Too early\",\"dueOn\":\"" + agency.today().minusDays(1) + "\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(api.get(path, sueToken).json().get("actions")).isEmpty();
    }

    @Test
    void showsOverdueSupervisionToBothPeopleAndOnTheirHomeScreens() {
        Person newer = agency.person("Nia Newer " + tag)
                .role(Role.VOLUNTEER_PEER)
                .account("nia-" + tag)
                .create();
        relateSince(sue, newer, agency.today().minusWeeks(3));

        JsonNode due =
                api.get("/api/v1/supervision/due", agency.token("nia-" + tag)).json();

        assertThat(due).hasSize(1);
        assertThat(due.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(due.get(0).get("dueOn").asString())
                .isEqualTo(agency.today().minusWeeks(1).toString());
        assertThat(agency.browser("nia-" + tag).get("/").body()).contains("Nia Newer " + tag + " with Sue");
        assertThat(agency.browser("sue-" + tag).get("/").body()).contains("Nia Newer " + tag);
    }

    @Test
    void tagsOverdueSupervisionOnTheCoordinatorsCaseloadPage() {
        Person late = agency.person("Lou Late " + tag).role(Role.PEER_WORKER).create();
        Person onTime = agency.person("Tim Time " + tag).role(Role.PEER_WORKER).create();
        relateSince(sue, late, agency.today().minusWeeks(5));
        relateSince(sue, onTime, agency.today().minusDays(3));

        String page = agency.demoBrowser("supervisor").get("/support/caseloads").body();

        assertThat(row(page, "Lou Late " + tag)).contains("supervision overdue");
        assertThat(row(page, "Tim Time " + tag)).doesNotContain("supervision overdue");
    }

    @Test
    void flagsASupervisorOverTheRatio() {
        String privacy = agency.demoToken("privacy");
        try {
            assertThat(api.put("/api/v1/supervision/settings", privacy, "{\"ratio\":1}")
                            .status())
                    .isEqualTo(200);
            Person second =
                    agency.person("Sam Second " + tag).role(Role.PEER_WORKER).create();
            agency.relate(agency.demoToken("manager"), "SUPERVISES", sue.id(), second.id());

            JsonNode loads =
                    api.get("/api/v1/supervision/supervisors", piaToken).json();

            JsonNode sues = null;
            for (JsonNode l : loads) {
                if (l.get("supervisorId").asString().equals(sue.id().toString())) {
                    sues = l;
                }
            }
            assertThat(sues).isNotNull();
            assertThat(sues.get("supervisees").asInt()).isEqualTo(2);
            assertThat(sues.get("overRatio").asBoolean()).isTrue();
        } finally {
            api.put("/api/v1/supervision/settings", privacy, "{\"ratio\":8}");
        }
    }

    @Test
    void letsAManagerOrThePrivacyLeadSetTheScheduleAuditedAndNobodyElse() {
        String manager = agency.demoToken("manager");
        long changes = policyChanges();
        try {
            Api.Response set = api.put(
                    "/api/v1/supervision/settings", manager, "{\"everyWeeks\":{\"PEER_WORKER\":3},\"ratio\":8}");

            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("everyWeeks").get("PEER_WORKER").asInt()).isEqualTo(3);
            assertThat(policyChanges()).isEqualTo(changes + 1);
            assertThat(api.put("/api/v1/supervision/settings", sueToken, "{\"ratio\":2}")
                            .status())
                    .isEqualTo(403);
            assertThat(api.put("/api/v1/supervision/settings", manager, "{\"ratio\":0}")
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/v1/supervision/settings", sueToken)
                            .json()
                            .get("ratio")
                            .asInt())
                    .isEqualTo(8);
        } finally {
            api.put("/api/v1/supervision/settings", manager, "{\"ratio\":8}");
        }
    }

    private Api.Response plan(String token, Person supervisee, LocalDate on) {
        return api.post(
                SESSIONS,
                token,
                Api.json(Map.of(
                        "superviseeId",
                        supervisee.id().toString(),
                        "heldOn",
                        on.toString(),
                        "minutes",
                        60,
                        "form",
                        "ONE_TO_ONE")));
    }

    private String session() {
        Api.Response r = plan(sueToken, pia, agency.today());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return SESSIONS + "/" + r.json().get("id").asString();
    }

    /** The table row of the page that names the person. */
    private static String row(String page, String name) {
        int at = page.indexOf(name);
        assertThat(at).as(name + " on the page").isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private void endSupervision() {
        Api.Response ended =
                api.post("/api/v1/relationships/" + supervision + "/end", agency.demoToken("manager"), "{}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
    }

    private String lastNoticeLink(Person person, String kind) {
        return jdbc.sql("select link from notice where recipient_id = :p and kind = :k order by created_at desc")
                .param("p", person.id().value())
                .param("k", kind)
                .query(String.class)
                .list()
                .get(0);
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void relateSince(Person supervisor, Person supervisee, LocalDate since) {
        Api.Response r = api.post(
                "/api/v1/relationships",
                agency.demoToken("manager"),
                Api.json(Map.of(
                        "kind", "SUPERVISES",
                        "personAId", supervisor.id().toString(),
                        "personBId", supervisee.id().toString(),
                        "startDate", since.toString(),
                        "acknowledge", true)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private long allowedReadsAbout(Person person) {
        return jdbc.sql("select count(*) from audit_entry where subject_id = :p and record_kind = 'PRACTICE_RECORDS'"
                        + " and action = 'READ' and outcome = 'ALLOWED'")
                .param("p", person.id().value())
                .query(Long.class)
                .single();
    }

    private long policyChanges() {
        return jdbc.sql("select count(*) from audit_entry where action = 'POLICY_CHANGE'"
                        + " and record_kind = 'SUPERVISION_SCHEDULE'")
                .query(Long.class)
                .single();
    }
}
