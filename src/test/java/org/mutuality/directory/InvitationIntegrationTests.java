package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.notices.mail.NoticeMailer;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.Demo;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * An administrator never holds a usable password for someone else (issue 13, review finding): an
 * account is opened by a link emailed to the person, who chooses their own password.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025"})
class InvitationIntegrationTests {

    static final String CHOSEN = "Only-the-person-knows-this-42";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(true);

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    MutableClock clock;

    @Autowired
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NoticeMailer noticeMailer;

    Api api;

    @BeforeEach
    void setUp() {
        api = agency.api();
    }

    @Test
    void refusesAnAdministratorWhoChoosesSomeoneElsesPassword() {
        Person person = participant();

        Api.Response opened = api.post(
                "/api/v1/people/" + person.id().value() + "/account",
                api.demoToken("admin"),
                Api.json(Map.of("username", username(), "password", "Admin-chose-this-for-you-1")));

        assertThat(opened.status()).isEqualTo(400);
        assertThat(directory.usernameOf(person.agencyId(), person.id())).isEmpty();
        assertThat(mail.getReceivedMessages()).noneMatch(InvitationIntegrationTests::isInvitation);
    }

    @Test
    void emailsThePersonALinkWithWhichOnlyTheyChooseTheirPassword() throws Exception {
        Person person = participant();
        String username = username();
        int privacyLeadTold = opened(Demo.personId(jdbc, "Priya Shah"));

        Api.Response opened = api.post(
                "/api/v1/people/" + person.id().value() + "/account",
                api.demoToken("admin"),
                Api.json(Map.of("username", username)));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened(Demo.personId(jdbc, "Priya Shah"))).isEqualTo(privacyLeadTold + 1);
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString())
                .isEqualTo(person.details().email());
        String token = token(String.valueOf(received[0].getContent()));
        assertThat(api.post("/api/v1/auth/token", null, Api.json(Map.of("username", username, "password", CHOSEN)))
                        .status())
                .isEqualTo(401);

        assertThat(api.post("/api/v1/auth/invitation", null, Api.json(Map.of("token", token, "password", CHOSEN)))
                        .status())
                .isEqualTo(204);

        assertThat(api.token(username, CHOSEN)).isNotBlank();
        assertThat(entries("OPEN_ACCOUNT", person)).isEqualTo(1);
        assertThat(entries("ACCEPT_INVITATION", person)).isEqualTo(1);
        Api.Response replayed = api.post(
                "/api/v1/auth/invitation", null, Api.json(Map.of("token", token, "password", "Someone-else-tries-99")));
        assertThat(replayed.status()).isEqualTo(404);
        assertThat(api.token(username, CHOSEN)).isNotBlank();
    }

    @Test
    void refusesALinkOnceItHasExpired() throws Exception {
        Person person = participant();
        api.post(
                "/api/v1/people/" + person.id().value() + "/account",
                api.demoToken("admin"),
                Api.json(Map.of("username", username())));
        String token = token(String.valueOf(invitation().getContent()));

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        try {
            assertThat(api.post("/api/v1/auth/invitation", null, Api.json(Map.of("token", token, "password", CHOSEN)))
                            .status())
                    .isEqualTo(404);
        } finally {
            clock.reset();
        }
    }

    @Test
    void letsThePersonChooseTheirPasswordOnThePageBehindTheLink() throws Exception {
        Person person = participant();
        String username = username();
        BrowserSession admin = agency.demoBrowser("admin");
        admin.get("/people/" + person.id().value());
        admin.post("/people/" + person.id().value() + "/account", Map.of("username", username));
        String token = token(String.valueOf(invitation().getContent()));

        BrowserSession visitor = BrowserSession.anonymous(port);
        assertThat(visitor.get("/account/invitation?token=" + token).body()).contains("Choose your password");
        assertThat(visitor.post("/account/invitation", Map.of("token", token, "password", "short"))
                        .body())
                .contains("This password cannot be used");
        visitor.post("/account/invitation", Map.of("token", token, "password", CHOSEN));

        assertThat(api.token(username, CHOSEN)).isNotBlank();
        assertThat(visitor.post("/account/invitation", Map.of("token", token, "password", CHOSEN))
                        .body())
                .contains("This link has expired or was already used");
    }

    @Test
    void refusesToSendTheLinkToAnAddressTheInviterChangedThemselves() {
        Person person = participant();
        String admin = api.demoToken("admin");
        Api.Response changed = api.put(
                "/api/v1/people/" + person.id().value(),
                admin,
                Api.json(Map.of("legalName", person.details().legalName(), "email", "alex-reads-this@example.org")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        Api.Response opened = api.post(
                "/api/v1/people/" + person.id().value() + "/account", admin, Api.json(Map.of("username", username())));

        assertThat(opened.status()).as(opened.body()).isEqualTo(409);
        assertThat(opened.json().get("detail").asString()).contains("another administrator");
        assertThat(directory.usernameOf(person.agencyId(), person.id())).isEmpty();
        assertThat(mail.getReceivedMessages()).noneMatch(InvitationIntegrationTests::isInvitation);
        assertThat(refusedInvitations(person)).isEqualTo(1);
    }

    @Test
    void refusesItOnThePagesToo() {
        Person person = participant();
        BrowserSession admin = agency.demoBrowser("admin");
        admin.get("/people/" + person.id().value() + "/edit");
        var saved = admin.post(
                "/people/" + person.id().value(),
                Map.of(
                        "legalName",
                        person.details().legalName(),
                        "email",
                        "alex-reads-this-too@example.org",
                        "version",
                        String.valueOf(person.version())));
        assertThat(saved.statusCode()).isEqualTo(302);

        admin.get("/people/" + person.id().value());
        admin.post("/people/" + person.id().value() + "/account", Map.of("username", username()));

        assertThat(admin.get("/people/" + person.id().value()).body()).contains("another administrator");
        assertThat(directory.usernameOf(person.agencyId(), person.id())).isEmpty();
        assertThat(mail.getReceivedMessages()).noneMatch(InvitationIntegrationTests::isInvitation);
    }

    @Test
    void letsAnotherAdministratorSendItOnceSomeoneElseChangedTheAddress() throws Exception {
        Person person = participant();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        api.put(
                "/api/v1/people/" + person.id().value(),
                api.demoToken("admin"),
                Api.json(Map.of("legalName", person.details().legalName(), "email", "new-" + tag + "@example.org")));
        agency.person("Second Admin " + tag)
                .roleAcrossAgency(Role.ADMINISTRATOR)
                .account("second-admin-" + tag)
                .create();

        Api.Response opened = api.post(
                "/api/v1/people/" + person.id().value() + "/account",
                agency.token("second-admin-" + tag),
                Api.json(Map.of("username", username())));

        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(invitation().getAllRecipients()[0].toString()).isEqualTo("new-" + tag + "@example.org");
    }

    @Test
    void tellsTheOldAddressThePersonAndThePrivacyLeadsWhenSomeoneElseChangesAnAddress() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person person = agency.person("Changed " + tag)
                .role(Role.PARTICIPANT)
                .email("old-" + tag + "@example.org")
                .account("changed-" + tag)
                .create();
        PersonId priya = agency.demoPerson("Priya Shah");
        int toReview = agency.notices(priya, "EMAIL_CHANGED_TO_REVIEW");

        Api.Response changed = api.put(
                "/api/v1/people/" + person.id().value(),
                api.demoToken("admin"),
                Api.json(Map.of("legalName", person.details().legalName(), "email", "new-" + tag + "@example.org")));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(agency.notices(person.id(), "EMAIL_CHANGED")).isEqualTo(1);
        assertThat(agency.notices(priya, "EMAIL_CHANGED_TO_REVIEW")).isEqualTo(toReview + 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> sentAllPending()
                        && receivedBy("old-" + tag + "@example.org")
                                .anyMatch(m ->
                                        subject(m).startsWith("The email address Mutuality has for you was changed")));
        assertThat(receivedBy("new-" + tag + "@example.org"))
                .noneMatch(m -> subject(m).startsWith("The email address Mutuality has for you was changed"));
        assertThat(jdbc.sql("select count(*) from notice where email_to is not null and recipient_id = :p")
                        .param("p", person.id().value())
                        .query(Integer.class)
                        .single())
                .as("the old address is kept only until the email is sent")
                .isZero();
    }

    @Test
    void tellsOnlyTheOldAddressWhenPeopleChangeTheirOwn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Person person = agency.person("Self Changed " + tag)
                .role(Role.PARTICIPANT)
                .email("mine-" + tag + "@example.org")
                .account("self-changed-" + tag)
                .create();
        PersonId priya = agency.demoPerson("Priya Shah");
        int toReview = agency.notices(priya, "EMAIL_CHANGED_TO_REVIEW");

        Api.Response changed = api.put(
                "/api/v1/people/" + person.id().value(),
                agency.token("self-changed-" + tag),
                Api.json(Map.of(
                        "legalName", person.details().legalName(), "email", "still-mine-" + tag + "@example.org")));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(agency.notices(person.id(), "EMAIL_CHANGED")).isEqualTo(1);
        assertThat(agency.notices(priya, "EMAIL_CHANGED_TO_REVIEW")).isEqualTo(toReview);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> sentAllPending()
                        && receivedBy("mine-" + tag + "@example.org").findAny().isPresent());
    }

    /**
     * Sends a round of the notices waiting for their email, oldest first: the shared test database
     * holds many from other tests, so the one awaited may take several rounds.
     */
    private boolean sentAllPending() {
        noticeMailer.sendPending();
        return true;
    }

    private static java.util.stream.Stream<MimeMessage> receivedBy(String address) {
        return java.util.Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int refusedInvitations(Person person) {
        return jdbc.sql("select count(*) from audit_entry where action = 'OPEN_ACCOUNT' and outcome = 'DENIED'"
                        + " and subject_id = :s")
                .param("s", person.id().value())
                .query(Integer.class)
                .single();
    }

    /** The one invitation email received (notices about the new account are emailed too). */
    private static MimeMessage invitation() {
        List<MimeMessage> invitations = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(InvitationIntegrationTests::isInvitation)
                .toList();
        assertThat(invitations).hasSize(1);
        return invitations.get(0);
    }

    private static boolean isInvitation(MimeMessage message) {
        try {
            return "Choose your password for Mutuality".equals(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int entries(String action, Person person) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and subject_id = :s")
                .param("a", action)
                .param("s", person.id().value())
                .query(Integer.class)
                .single();
    }

    private int opened(String person) {
        return jdbc.sql("select count(*) from notice where recipient_id = :p and kind = 'ACCOUNT_OPENED'")
                .param("p", UUID.fromString(person))
                .query(Integer.class)
                .single();
    }

    private Person participant() {
        String tag = TestAgency.tag();
        return agency.person("Invited " + tag)
                .roleAcrossAgency(Role.PARTICIPANT)
                .email("invited-" + tag + "@example.org")
                .create();
    }

    private static String username() {
        return "invited-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String token(String body) {
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)")
                .matcher(body.replace("=\r\n", "").replace("=\n", ""));
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }
}
