package org.mutuality.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.AssignRole;
import org.mutuality.directory.Directory;
import org.mutuality.directory.Person;
import org.mutuality.directory.PersonDetails;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.shared.AgencyId;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * S3: participants reach peer workers through Mutuality. During office hours a message goes to the
 * assigned peer worker; after hours the sender sees the crisis resources at once and the on-duty
 * peer worker gets it; notices by email never carry the message; and no personal phone number or
 * email of a peer worker reaches a participant through any page, API or email.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class ContactIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    static final String PASSWORD = "correct horse battery staple 42";
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @LocalServerPort
    int port;

    @Autowired
    Directory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void messagesAreRoutedByOfficeHoursAndNoPersonalContactDetailReachesTheParticipant() throws Exception {
        Api api = new Api(port);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String personalPhone = "613-555-" + (1000 + Math.floorMod(tag.hashCode(), 9000));
        String personalEmail = "private." + tag + "@home.example";
        Program program = program("Peer Support");
        Person peer =
                person("Pema Peer " + tag, Role.PEER_WORKER, program, "pema-" + tag, personalEmail, personalPhone);
        Person duty = person("Dana Duty " + tag, Role.PEER_WORKER, program, "dana-" + tag, null, null);
        Person participant = person(
                "Cleo Contact " + tag, Role.PARTICIPANT, program, "cleo-" + tag, "cleo." + tag + "@example.org", null);
        Api.Response assigned = api.post(
                "/api/v1/relationships",
                api.demoToken("supervisor"),
                Api.json(Map.of(
                        "kind",
                        "SUPPORTS",
                        "personAId",
                        peer.id().toString(),
                        "personBId",
                        participant.id().toString())));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
        Api.Response settings = api.put(
                "/api/v1/programs/" + program.id() + "/contact-settings",
                api.demoToken("supervisor"),
                Api.json(Map.of(
                        "openDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "opensAt", "09:00",
                        "closesAt", "17:00",
                        "zone", "America/Toronto",
                        "onDutyPeerId", duty.id().toString())));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        // Monday 10:00 in Toronto: the assigned peer worker gets it; no resources needed. (Tokens are
        // issued after each move of the clock: they expire.)
        clock.setTo(next(DayOfWeek.MONDAY, LocalTime.of(10, 0)));
        String cleo = api.token("cleo-" + tag, PASSWORD);
        JsonNode open = api.post("/api/v1/me/messages", cleo, Api.json(Map.of("text", "Can we meet Thursday? " + tag)))
                .json();
        assertThat(open.get("afterHours").asBoolean()).isFalse();
        assertThat(open.get("resources").isNull()).isTrue();
        assertThat(open.get("message").get("routed").asString()).isEqualTo("ASSIGNED_PEER");
        assertThat(open.get("message").get("toId").asString())
                .isEqualTo(peer.id().toString());

        // Saturday 22:00: after hours. The sender sees the crisis resources at once; the on-duty peer gets the
        // message written to the program.
        clock.setTo(next(DayOfWeek.SATURDAY, LocalTime.of(22, 0)));
        cleo = api.token("cleo-" + tag, PASSWORD);
        JsonNode late = api.post(
                        "/api/v1/me/messages",
                        cleo,
                        Api.json(Map.of("to", "PROGRAM", "text", "I can't sleep and I feel low tonight. " + tag)))
                .json();
        assertThat(late.get("afterHours").asBoolean()).isTrue();
        assertThat(late.get("resources").asString()).contains("9-8-8").contains("911");
        assertThat(late.get("message").get("routed").asString()).isEqualTo("ON_DUTY_PEER");
        assertThat(late.get("message").get("toId").asString())
                .isEqualTo(duty.id().toString());
        var page = BrowserSession.signIn(port, "cleo-" + tag, PASSWORD).get("/contact");
        assertThat(page.body()).contains("The program is closed right now").contains("9-8-8");
        clock.reset();
        cleo = api.token("cleo-" + tag, PASSWORD);

        // Who reads the thread; the peer worker answers through Mutuality.
        String pema = api.token("pema-" + tag, PASSWORD);
        assertThat(api.get("/api/v1/people/" + participant.id() + "/messages", cleo)
                        .json())
                .hasSize(2);
        assertThat(api.get("/api/v1/people/" + participant.id() + "/messages", pema)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + participant.id() + "/messages", api.token("dana-" + tag, PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/people/" + participant.id() + "/messages", api.demoToken("researcher"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/api/v1/people/" + participant.id() + "/messages",
                                pema,
                                Api.json(Map.of("text", "Thursday at 2 works. See you at the drop-in.")))
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/me/messages", cleo, "{\"text\":\"\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/messages", cleo, Api.json(Map.of("text", "x".repeat(2001))))
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/messages", cleo, "{\"to\":\"EVERYONE\",\"text\":\"hi\"}")
                        .status())
                .isEqualTo(400);

        // Emails: the peer worker and the participant are told, without the message.
        await().atMost(Duration.ofSeconds(10)).until(() -> recipients().contains("cleo." + tag + "@example.org"));
        for (MimeMessage m : mail.getReceivedMessages()) {
            String body = GreenMailUtil.getBody(m);
            assertThat(body).doesNotContain(tag).doesNotContain("Thursday at 2");
        }

        // S3: nothing the participant can reach carries the peer worker's personal phone or email.
        BrowserSession session = BrowserSession.signIn(port, "cleo-" + tag, PASSWORD);
        for (String pattern : getPatterns()) {
            for (String id : List.of(participant.id().toString(), peer.id().toString())) {
                String path = pattern.replace("{id}", id).replace("{version}", "1");
                String body = path.startsWith("/api/")
                        ? api.get(path, cleo).body()
                        : session.get(path).body();
                assertThat(body).as(path).doesNotContain(personalPhone).doesNotContain(personalEmail);
            }
        }
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains("cleo." + tag))) {
                assertThat(GreenMailUtil.getWholeMessage(m))
                        .doesNotContain(personalPhone)
                        .doesNotContain(personalEmail);
            }
        }
    }

    @Test
    void theContactFormSendsOnlyOnceTheParticipantOpensTheLinkEmailedToThem() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Program program = program("Peer Support");
        String email = "form." + tag + "@example.org";
        Person participant = person("Fern Form " + tag, Role.PARTICIPANT, program, "fern-" + tag, email, null);
        long requests = count("contact_request");

        BrowserSession anonymous = BrowserSession.anonymous(port);
        var form = anonymous.get("/contact/form");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("9-8-8");
        var unknown =
                anonymous.post("/contact/form", Map.of("email", "nobody." + tag + "@example.org", "text", "Hello?"));
        var known = anonymous.post(
                "/contact/form", Map.of("email", email.toUpperCase(), "text", "Hello from the form " + tag));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("If this address belongs to a participant");
        assertThat(known.body()).contains("If this address belongs to a participant");
        assertThat(count("contact_request")).isEqualTo(requests + 1);
        assertThat(anonymous
                        .post("/contact/form", Map.of("email", "not an address", "text", "Hi"))
                        .statusCode())
                .isEqualTo(400);

        // The participant also gets other mail (the notice that their account was opened): take the
        // message that carries the confirmation link.
        await().atMost(Duration.ofSeconds(10)).until(() -> confirmationTo(email).isPresent());
        MimeMessage confirmation = confirmationTo(email).orElseThrow();
        // Decoded: a quoted-printable body (when the text is not plain ASCII) writes "token=" as "token=3D".
        String body = String.valueOf(confirmation.getContent());
        assertThat(body).doesNotContain(tag);
        java.util.regex.Matcher link =
                java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.sql("select count(*) from contact_message where participant_id = :p")
                        .param("p", participant.id().value())
                        .query(Integer.class)
                        .single())
                .isZero();

        assertThat(anonymous.get("/contact/confirm?token=" + token).body()).contains("Send my message");
        var confirmed = anonymous.post("/contact/confirm", Map.of("token", token));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select body from contact_message where participant_id = :p")
                        .param("p", participant.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("Hello from the form " + tag);
        assertThat(anonymous.post("/contact/confirm", Map.of("token", token)).statusCode())
                .isEqualTo(400);
        assertThat(anonymous.post("/contact/confirm", Map.of("token", "forged")).statusCode())
                .isEqualTo(400);

        // The form cannot flood a mailbox: at most three links wait for one person.
        long before = count("contact_request");
        for (int i = 0; i < 5; i++) {
            assertThat(anonymous
                            .post("/contact/form", Map.of("email", email, "text", "Again " + i))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(count("contact_request")).isEqualTo(before + 3);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Set<String> getPatterns() {
        Set<String> patterns = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                entry.getKey().getPatternValues().stream()
                        .filter(p -> !p.startsWith("/v3/") && !p.startsWith("/swagger") && !p.equals("/error"))
                        .forEach(patterns::add);
            }
        }
        return patterns;
    }

    private java.time.Instant next(DayOfWeek day, LocalTime time) {
        LocalDate date = LocalDate.now(TORONTO).plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        return date.atTime(time).atZone(TORONTO).toInstant();
    }

    private java.util.Optional<MimeMessage> confirmationTo(String email) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                        .anyMatch(r -> r.toString().equals(email))
                                && String.valueOf(m.getContent()).contains("contact/confirm");
                    } catch (Exception e) {
                        return false;
                    }
                })
                .findFirst();
    }

    private List<String> recipients() {
        return Arrays.stream(mail.getReceivedMessages())
                .flatMap(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients()).map(Object::toString);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private Program program(String name) {
        return directory.programs(directory.demoAgency().orElseThrow()).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private Person person(String name, Role role, Program program, String username, String email, String phone) {
        AgencyId agency = directory.demoAgency().orElseThrow();
        Person p = directory.register(
                agency,
                new PersonDetails(name, null, null, email, phone),
                List.of(new AssignRole(role, program.id(), null, LocalDate.now().minusDays(1), null)));
        directory.openAccount(agency, p.id(), username, PASSWORD);
        return p;
    }
}
