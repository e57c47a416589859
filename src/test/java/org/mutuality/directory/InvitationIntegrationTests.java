package org.mutuality.directory;

import static org.assertj.core.api.Assertions.assertThat;

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

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
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
        BrowserSession admin = BrowserSession.signIn(port, "admin", Api.DEMO_PASSWORD);
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
