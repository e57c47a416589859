package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Break-the-glass end to end: a reason is required, access expires, the person and the privacy lead
 * are told (in Mutuality and by email, through a real SMTP server), and the privacy lead reviews.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class BreakGlassIntegrationTests {

    /**
     * How long to wait for a mail: the notices outbox is shared by every test context of the run
     * (one in-memory database), and this context's first ticks send the backlog, 100 a tick.
     */
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    TestAgency agency;

    /** A supervisor breaks the glass on the care notes of a service user outside their care. */
    record Opened(String subject, String grant, Api.Response response) {}

    private Opened supervisorBreaksTheGlass(@Nullable String email) {
        String subject = newPerson(agency.api(), "Aube Lavoie", email);
        Api.Response opened = agency.api()
                .post(
                        "/api/v1/access/break-glass",
                        agency.demoToken("supervisor"),
                        body(
                                subject,
                                "COVERING_FOR_CARE_TEAM",
                                "Her psychiatrist is away and she asked for help tonight."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return new Opened(subject, opened.json().get("id").asString(), opened);
    }

    private static String careNotes(Opened opened) {
        return "/api/v1/people/" + opened.subject + "/notes?kind=CARE_NOTES";
    }

    @Test
    void refusesTheSupervisorTheCareNotesOfSomeoneOutsideTheirCare() {
        String subject = newPerson(agency.api(), "Aube Lavoie", null);

        assertThat(agency.api()
                        .get("/api/v1/people/" + subject + "/notes?kind=CARE_NOTES", agency.demoToken("supervisor"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void opensTheCareNotesForThirtyMinutes() {
        Opened opened = supervisorBreaksTheGlass(null);

        Instant granted = Instant.parse(opened.response.json().get("grantedAt").asString());
        Instant expires = Instant.parse(opened.response.json().get("expiresAt").asString());
        assertThat(Duration.between(granted, expires)).isEqualTo(Duration.ofMinutes(30));
        Api.Response read = agency.api().get(careNotes(opened), agency.demoToken("supervisor"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("bases").toString()).contains("CARE_NOTES:BREAK_GLASS");
    }

    @Test
    void tellsThePersonAndThePrivacyLeadInMutuality() {
        Opened opened = supervisorBreaksTheGlass(null);

        assertThat(noticesOf(opened.subject)).containsExactly("BREAK_GLASS_ON_YOUR_RECORD");
        assertThat(agency.api()
                        .get("/api/v1/me/notices", agency.demoToken("privacy"))
                        .body())
                .contains("BREAK_GLASS_TO_REVIEW");
    }

    @Test
    void emailsThePersonAndThePrivacyLeadWithoutNamingAnyone() throws Exception {
        supervisorBreaksTheGlass("aube.lavoie@example.org");

        await().atMost(MAIL_WAIT).until(() -> recipients().contains("aube.lavoie@example.org"));
        assertThat(recipients()).contains("privacy@example.org");
        for (MimeMessage message : mail.getReceivedMessages()) {
            assertThat(GreenMailUtil.getBody(message)).doesNotContain("Aube", "Sam", "psychiatrist");
        }
    }

    @Test
    void closesTheCareNotesAgainAfterThirtyMinutes() {
        Opened opened = supervisorBreaksTheGlass(null);

        clock.advance(Duration.ofMinutes(31));

        assertThat(agency.api()
                        .get(careNotes(opened), agency.demoToken("supervisor"))
                        .status())
                .as("expired")
                .isEqualTo(403);
    }

    @Test
    void listsTheUseForThePrivacyLeadToReview() {
        Opened opened = supervisorBreaksTheGlass(null);

        assertThat(agency.api()
                        .get("/api/v1/access/break-glass", agency.demoToken("privacy"))
                        .body())
                .contains(opened.grant);
    }

    @Test
    void refusesTheListOfUsesToTheSupervisor() {
        assertThat(agency.api()
                        .get("/api/v1/access/break-glass", agency.demoToken("supervisor"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void refusesAUseFoundNotJustifiedWithoutANote() {
        Opened opened = supervisorBreaksTheGlass(null);

        assertThat(review(opened, "{\"outcome\":\"NOT_JUSTIFIED\"}").status()).isEqualTo(400);
    }

    @Test
    void recordsThePrivacyLeadsReview() {
        Opened opened = supervisorBreaksTheGlass(null);

        Api.Response reviewed = review(opened, "{\"outcome\":\"JUSTIFIED\",\"note\":\"Covered for Dr. B.\"}");

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("review").asString()).isEqualTo("JUSTIFIED");
    }

    @Test
    void refusesASecondReviewOfTheSameUse() {
        Opened opened = supervisorBreaksTheGlass(null);
        review(opened, "{\"outcome\":\"JUSTIFIED\"}");

        assertThat(review(opened, "{\"outcome\":\"JUSTIFIED\"}").status()).isEqualTo(409);
    }

    @Test
    void takesAReviewedUseOffTheList() {
        Opened opened = supervisorBreaksTheGlass(null);
        review(opened, "{\"outcome\":\"JUSTIFIED\"}");

        assertThat(agency.api()
                        .get("/api/v1/access/break-glass", agency.demoToken("privacy"))
                        .body())
                .doesNotContain(opened.grant);
    }

    @Test
    void keepsTheUseInThePersonsAccessLog() {
        Opened opened = supervisorBreaksTheGlass(null);

        String log = agency.api()
                .get("/api/v1/audit/people/" + opened.subject + "/access-log.csv", agency.demoToken("privacy"))
                .body();

        assertThat(log).contains("BREAK_GLASS", "COVERING_FOR_CARE_TEAM");
    }

    private Api.Response review(Opened opened, String body) {
        return agency.api()
                .post("/api/v1/access/break-glass/" + opened.grant + "/review", agency.demoToken("privacy"), body);
    }

    @Test
    void keepsALockboxClosedExceptForARiskOfSeriousHarm() {
        Api api = agency.api();
        String supervisor = api.demoToken("supervisor");
        String privacy = api.demoToken("privacy");
        String subject = newPerson(api, "Basile Roy", null);
        String sam = Demo.personId(jdbc, "Samuel Okafor");
        Api.Response directive = api.post(
                "/api/v1/people/" + subject + "/consent-directives",
                privacy,
                "{\"withheldFrom\":\"" + sam + "\",\"note\":\"Asked by phone.\"}");
        assertThat(directive.status()).as(directive.body()).isEqualTo(201);
        long before = grants();

        Api.Response refused = api.post(
                "/api/v1/access/break-glass",
                supervisor,
                body(subject, "URGENT_CARE_PERSON_CANNOT_BE_ASKED", "He is unwell and cannot talk right now."));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("serious bodily harm");
        assertThat(grants()).isEqualTo(before);

        Api.Response harm = api.post(
                "/api/v1/access/break-glass",
                supervisor,
                body(subject, "RISK_OF_SERIOUS_HARM", "He told the front desk he has a plan to hurt someone."));
        assertThat(harm.status()).as(harm.body()).isEqualTo(201);
        assertThat(harm.json().get("overrodeDirective").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/people/" + subject + "/notes?kind=CARE_NOTES", supervisor)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesBreakingTheGlassWhenThereIsAlreadyABasis() {
        Api api = agency.api();
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        long before = grants();

        assertThat(api.post(
                                "/api/v1/access/break-glass",
                                api.demoToken("psychiatrist"),
                                body(jordan, "OTHER", "Just checking something quickly."))
                        .status())
                .isEqualTo(409);
        assertThat(api.post(
                                "/api/v1/access/break-glass",
                                api.demoToken("peer"),
                                body(jordan, "OTHER", "Reading my own record here."))
                        .status())
                .isEqualTo(409);
        assertThat(grants()).isEqualTo(before);
    }

    @Test
    void keepsAPrivacyLeadFromReviewingTheirOwnUse() {
        Api api = agency.api();
        String privacy = api.demoToken("privacy");
        String subject = newPerson(api, "Céleste Morin", null);
        Api.Response opened = api.post(
                "/api/v1/access/break-glass",
                privacy,
                body(subject, "OTHER", "Checking a complaint that names this record."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);

        Api.Response review = api.post(
                "/api/v1/access/break-glass/" + opened.json().get("id").asString() + "/review",
                privacy,
                "{\"outcome\":\"JUSTIFIED\"}");
        assertThat(review.status()).isEqualTo(409);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                400 | {}
                400 | {"subjectId":"%s","recordKind":"CARE_NOTES","reason":"OTHER"}
                400 | {"subjectId":"%s","recordKind":"CARE_NOTES","reason":"OTHER","detail":"short"}
                400 | {"subjectId":"%s","recordKind":"CARE_NOTES","reason":"CURIOSITY","detail":"I want to know more."}
                400 | {"subjectId":"%s","recordKind":"DIARY","reason":"OTHER","detail":"I want to know more."}
                400 | {"subjectId":"not-a-uuid","recordKind":"CARE_NOTES","reason":"OTHER","detail":"I want to know more."}
                404 | {"subjectId":"00000000-0000-0000-0000-000000000001","recordKind":"CARE_NOTES","reason":"OTHER","detail":"I want to know more."}
                400 | {"subjectId":"%s","recordKind":"CARE_NOTES","reason":"OTHER","detail":"%s"}
                400 | not json
                """)
    void refusesBadBreakGlassRequestsAndGrantsNothing(int status, String template) {
        Api api = agency.api();
        String jordan = Demo.personId(jdbc, "Jordan Lee");
        long before = grants();

        Api.Response response = api.post(
                "/api/v1/access/break-glass", api.demoToken("admin"), template.formatted(jordan, "x".repeat(1001)));

        assertThat(response.status()).as(template + " " + response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(grants()).isEqualTo(before);
    }

    @Test
    void keepsWhatWasTypedWhenTheBreakGlassFormIsRefused() {
        String subject = newPerson(agency.api(), "Gaëlle Tremblay", null);
        BrowserSession admin = agency.demoBrowser("admin");
        assertThat(admin.get("/people/" + subject + "/notes").statusCode()).isEqualTo(403);

        admin.post(
                "/people/" + subject + "/break-glass",
                Map.of("kind", "CARE_NOTES", "reason", "OTHER", "detail", "asked q7"));

        assertThat(admin.get("/people/" + subject + "/notes").body())
                .contains("10 to 1,000 characters", ">asked q7</textarea>");
        assertThat(jdbc.sql("select count(*) from break_glass where subject_id = :s")
                        .param("s", UUID.fromString(subject))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void letsStaffBreakTheGlassAndThePrivacyLeadReviewInTheBrowser() {
        Api api = agency.api();
        String subject = newPerson(api, "Delphine Ouellet", null);
        BrowserSession admin = agency.demoBrowser("admin");
        var refused = admin.get("/people/" + subject + "/notes");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Break the glass", "Someone is at imminent risk");

        admin.post(
                "/people/" + subject + "/break-glass",
                Map.of("kind", "CARE_NOTES", "reason", "OTHER", "detail", "too short"));
        assertThat(admin.get("/people/" + subject + "/notes").body()).contains("10 to 1,000 characters");

        admin.post(
                "/people/" + subject + "/break-glass",
                Map.of(
                        "kind",
                        "CARE_NOTES",
                        "reason",
                        "URGENT_CARE_PERSON_CANNOT_BE_ASKED",
                        "detail",
                        "Paramedics called and asked about her medication."));
        var open = admin.get("/people/" + subject + "/notes");
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(open.body()).contains("You are reading this through break-the-glass");

        BrowserSession privacy = agency.demoBrowser("privacy");
        var queue = privacy.get("/access/break-glass");
        assertThat(queue.body()).contains("Delphine Ouellet", "Paramedics called");
        String grant = jdbc.sql("select cast(id as varchar(36)) from break_glass where subject_id = :s")
                .param("s", UUID.fromString(subject))
                .query(String.class)
                .single();
        privacy.post("/access/break-glass/" + grant + "/review", Map.of("outcome", "NOT_JUSTIFIED", "confirm", "true"));
        assertThat(privacy.get("/access/break-glass").body()).contains("Say why the use was not justified.");
        privacy.post(
                "/access/break-glass/" + grant + "/review",
                Map.of(
                        "outcome",
                        "NOT_JUSTIFIED",
                        "note",
                        "The paramedics should have called the clinic.",
                        "confirm",
                        "true"));
        assertThat(privacy.get("/access/break-glass?all=true").body()).contains("Not justified");
        assertThat(privacy.get("/notices").body()).contains("waiting for your review");
    }

    private String newPerson(Api api, String name, String email) {
        Api.Response created = api.post(
                "/api/v1/people",
                api.demoToken("admin"),
                "{\"legalName\":\"" + name + "\"" + (email == null ? "" : ",\"email\":\"" + email + "\"")
                        + ",\"roles\":[{\"role\":\"SERVICE_USER\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String body(String subject, String reason, String detail) {
        return Api.json(Map.of("subjectId", subject, "recordKind", "CARE_NOTES", "reason", reason, "detail", detail));
    }

    private java.util.List<String> noticesOf(String person) {
        return jdbc.sql("select kind from notice where recipient_id = :p")
                .param("p", UUID.fromString(person))
                .query(String.class)
                .list();
    }

    private java.util.List<String> recipients() {
        return Arrays.stream(mail.getReceivedMessages())
                .flatMap(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).map(Object::toString);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private long grants() {
        return jdbc.sql("select count(*) from break_glass").query(Long.class).single();
    }
}
