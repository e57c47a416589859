package org.mutuality.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Participants who do not sign in write through the public contact form. It answers the same
 * whether or not the address is known; the message goes only once the participant opens the link
 * emailed to them, which works once; at most three links wait for one person.
 *
 * <p>Each test has Fern, a participant with an email address at the agency.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class) // the same application as the other contact tests, started once
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class ContactFormIntegrationTests {

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
    TestAgency agency;

    @Autowired
    JdbcClient jdbc;

    String tag;
    String email;
    Person participant;
    BrowserSession anonymous;

    @BeforeEach
    void fernHasAnEmailAddressAtTheAgency() {
        tag = TestAgency.tag();
        email = "form." + tag + "@example.org";
        participant = agency.person("Fern Form " + tag)
                .role(Role.PARTICIPANT)
                .email(email)
                .create();
        anonymous = agency.anonymousBrowser();
    }

    @Test
    void showsTheCrisisResourcesFirst() {
        var form = anonymous.get("/contact/form");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("9-8-8");
    }

    @Test
    void answersTheSameWhetherOrNotTheAddressIsKnown() {
        long requests = agency.rows("contact_request");
        anonymous.get("/contact/form");

        var unknown =
                anonymous.post("/contact/form", Map.of("email", "nobody." + tag + "@example.org", "text", "Hello?"));
        var known = anonymous.post(
                "/contact/form", Map.of("email", email.toUpperCase(), "text", "Hello from the form " + tag));

        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("If this address belongs to a participant");
        assertThat(known.body()).contains("If this address belongs to a participant");
        assertThat(agency.rows("contact_request")).isEqualTo(requests + 1);
    }

    @Test
    void refusesSomethingThatIsNotAnAddress() {
        anonymous.get("/contact/form");

        assertThat(anonymous
                        .post("/contact/form", Map.of("email", "not an address", "text", "Hi"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void emailsALinkWithoutTheMessageAndSendsNothingYet() throws Exception {
        send("Hello from the form " + tag);

        String body = confirmation();

        assertThat(body).doesNotContain(tag);
        assertThat(messages()).isEmpty();
    }

    @Test
    void sendsTheMessageOnceTheParticipantOpensTheLink() throws Exception {
        send("Hello from the form " + tag);
        String token = token(confirmation());

        assertThat(anonymous.get("/contact/confirm?token=" + token).body()).contains("Send my message");
        var confirmed = anonymous.post("/contact/confirm", Map.of("token", token));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(messages()).containsExactly("Hello from the form " + tag);
    }

    @Test
    void aLinkWorksOnce() throws Exception {
        send("Hello from the form " + tag);
        String token = token(confirmation());
        anonymous.get("/contact/confirm?token=" + token);
        anonymous.post("/contact/confirm", Map.of("token", token));

        assertThat(anonymous.post("/contact/confirm", Map.of("token", token)).statusCode())
                .isEqualTo(400);
        assertThat(messages()).hasSize(1);
    }

    @Test
    void refusesAForgedLink() {
        anonymous.get("/contact/confirm?token=forged");

        assertThat(anonymous.post("/contact/confirm", Map.of("token", "forged")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void cannotFloodAMailboxAsAtMostThreeLinksWaitForOnePerson() {
        long before = agency.rows("contact_request");
        anonymous.get("/contact/form");

        for (int i = 0; i < 5; i++) {
            assertThat(anonymous
                            .post("/contact/form", Map.of("email", email, "text", "Again " + i))
                            .statusCode())
                    .isEqualTo(200);
        }

        assertThat(agency.rows("contact_request")).isEqualTo(before + 3);
    }

    private void send(String text) {
        anonymous.get("/contact/form");
        assertThat(anonymous
                        .post("/contact/form", Map.of("email", email, "text", text))
                        .statusCode())
                .isEqualTo(200);
    }

    /** The body of the email sent to Fern, decoded (quoted-printable writes "token=" as "token=3D"). */
    /**
     * The mail that carries the confirmation link. The participant's address may also get other mail
     * (the notice that their account was opened), in no fixed order.
     */
    private String confirmation() {
        await().atMost(MAIL_WAIT).until(() -> confirmationBody().isPresent());
        return confirmationBody().orElseThrow();
    }

    private java.util.Optional<String> confirmationBody() {
        return Arrays.stream(mail.getReceivedMessages())
                .map(m -> {
                    try {
                        boolean toParticipant = Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(email));
                        String body = String.valueOf(m.getContent());
                        return toParticipant && body.contains("contact/confirm") ? body : null;
                    } catch (Exception e) {
                        return null;
                    }
                })
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    private static String token(String body) {
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    private List<String> messages() {
        return jdbc.sql("select body from contact_message where participant_id = :p")
                .param("p", participant.id().value())
                .query(String.class)
                .list();
    }
}
