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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mutuality.directory.Person;
import org.mutuality.directory.Program;
import org.mutuality.directory.Role;
import org.mutuality.test.Api;
import org.mutuality.test.BrowserSession;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
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
 *
 * <p>Each test has Cleo, a participant, supported by Pema, whose personal phone and email are in the
 * directory; Dana is the program's peer worker on duty after hours; the program opens Monday to
 * Friday, 9 to 17 in Toronto.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class ContactIntegrationTests {

    /**
     * How long to wait for a mail: the notices outbox is shared by every test context of the run
     * (one in-memory database), and this context's first ticks send the backlog, 100 a tick.
     */
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    @Autowired
    TestAgency agency;

    @Autowired
    MutableClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;
    String tag;
    String personalPhone;
    String personalEmail;
    String cleoEmail;
    Person peer;
    Person duty;
    Person participant;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @BeforeEach
    void cleoIsSupportedByPema() {
        api = agency.api();
        tag = TestAgency.tag();
        personalPhone = "613-555-" + (1000 + Math.floorMod(tag.hashCode(), 9000));
        personalEmail = "private." + tag + "@home.example";
        cleoEmail = "cleo." + tag + "@example.org";
        peer = agency.person("Pema Peer " + tag)
                .role(Role.PEER_WORKER)
                .email(personalEmail)
                .phone(personalPhone)
                .account("pema-" + tag)
                .create();
        duty = agency.person("Dana Duty " + tag)
                .role(Role.PEER_WORKER)
                .account("dana-" + tag)
                .create();
        participant = agency.person("Cleo Contact " + tag)
                .role(Role.PARTICIPANT)
                .email(cleoEmail)
                .account("cleo-" + tag)
                .create();
        String supervisor = agency.demoToken("supervisor");
        agency.relate(supervisor, "SUPPORTS", peer.id(), participant.id());
        Program program = agency.peerSupport();
        Api.Response settings = api.put(
                "/api/v1/programs/" + program.id() + "/contact-settings",
                supervisor,
                Api.json(Map.of(
                        "openDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                        "opensAt", "09:00",
                        "closesAt", "17:00",
                        "zone", "America/Toronto",
                        "onDutyPeerId", duty.id().toString())));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
    }

    @Test
    void duringOfficeHoursAMessageGoesToTheAssignedPeerWorker() {
        clock.setTo(next(DayOfWeek.MONDAY, LocalTime.of(10, 0)));

        JsonNode open = write(Map.of("text", "Can we meet Thursday? " + tag));

        assertThat(open.get("afterHours").asBoolean()).isFalse();
        assertThat(open.get("resources").isNull()).isTrue();
        assertThat(open.get("message").get("routed").asString()).isEqualTo("ASSIGNED_PEER");
        assertThat(open.get("message").get("toId").asString())
                .isEqualTo(peer.id().toString());
    }

    @Test
    void afterHoursTheSenderSeesTheCrisisResourcesAndThePeerWorkerOnDutyGetsTheMessage() {
        clock.setTo(next(DayOfWeek.SATURDAY, LocalTime.of(22, 0)));

        JsonNode late = write(Map.of("to", "PROGRAM", "text", "I can't sleep and I feel low tonight. " + tag));

        assertThat(late.get("afterHours").asBoolean()).isTrue();
        assertThat(late.get("resources").asString()).contains("9-8-8").contains("911");
        assertThat(late.get("message").get("routed").asString()).isEqualTo("ON_DUTY_PEER");
        assertThat(late.get("message").get("toId").asString())
                .isEqualTo(duty.id().toString());
    }

    @Test
    void afterHoursTheMessagesPageShowsTheCrisisResources() {
        clock.setTo(next(DayOfWeek.SATURDAY, LocalTime.of(22, 0)));

        var page = agency.browser("cleo-" + tag).get("/contact");

        assertThat(page.body()).contains("The program is closed right now").contains("9-8-8");
    }

    @Test
    void theParticipantAndTheirPeerWorkersReadTheThread() {
        // after hours, so that the message reaches the peer worker on duty too (during office hours
        // it goes to the assigned peer worker only, and the one on duty has no part in the thread)
        clock.setTo(next(DayOfWeek.SATURDAY, LocalTime.of(22, 0)));
        write(Map.of("text", "Can we meet Thursday? " + tag));

        assertThat(api.get(thread(), agency.token("cleo-" + tag)).json()).hasSize(1);
        assertThat(api.get(thread(), agency.token("pema-" + tag)).status()).isEqualTo(200);
        assertThat(api.get(thread(), agency.token("dana-" + tag)).status()).isEqualTo(200);
    }

    @Test
    void aColleagueOutsideTheCircleOfCareDoesNotReadTheThread() {
        write(Map.of("text", "Can we meet Thursday? " + tag));

        assertThat(api.get(thread(), agency.demoToken("researcher")).status()).isEqualTo(403);
    }

    @Test
    void thePeerWorkerAnswersThroughMutuality() {
        write(Map.of("text", "Can we meet Thursday? " + tag));

        assertThat(answer().status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"\"}", "{\"text\":\"%s\"}", "{\"to\":\"EVERYONE\",\"text\":\"hi\"}"})
    void refusesAnEmptyTooLongOrMisaddressedMessage(String template) {
        String body = template.formatted("x".repeat(2001));

        assertThat(api.post("/api/v1/me/messages", agency.token("cleo-" + tag), body)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void emailNoticesNeverCarryTheMessage() throws Exception {
        write(Map.of("text", "Can we meet Thursday? " + tag));
        answer();

        await().atMost(MAIL_WAIT).until(() -> recipients().contains(cleoEmail));
        for (MimeMessage m : mail.getReceivedMessages()) {
            assertThat(GreenMailUtil.getBody(m)).doesNotContain(tag).doesNotContain("Thursday at 2");
        }
    }

    /** S3. */
    @Test
    void nothingTheParticipantReachesCarriesThePeerWorkersPersonalPhoneOrEmail() throws Exception {
        write(Map.of("text", "Can we meet Thursday? " + tag));
        answer();
        await().atMost(MAIL_WAIT).until(() -> recipients().contains(cleoEmail));
        String cleo = agency.token("cleo-" + tag);
        BrowserSession session = agency.browser("cleo-" + tag);

        for (String pattern : getPatterns()) {
            for (String id : List.of(participant.id().toString(), peer.id().toString())) {
                // Any other variable (a role, a training record's id) gets a value that exists or a fresh id.
                String path = pattern.replace("{id}", id)
                        .replace("{version}", "1")
                        .replace("{role}", "PEER_WORKER")
                        .replaceAll(
                                "\\{[a-zA-Z]+\\}", java.util.UUID.randomUUID().toString());
                String body = path.startsWith("/api/")
                        ? api.get(path, cleo).body()
                        : session.get(path).body();
                assertThat(body).as(path).doesNotContain(personalPhone).doesNotContain(personalEmail);
            }
        }
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(cleoEmail))) {
                assertThat(GreenMailUtil.getWholeMessage(m))
                        .doesNotContain(personalPhone)
                        .doesNotContain(personalEmail);
            }
        }
    }

    /** Cleo writes; tokens are issued after each move of the clock, as they expire. */
    private JsonNode write(Map<String, String> message) {
        Api.Response r = api.post("/api/v1/me/messages", agency.token("cleo-" + tag), Api.json(message));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response answer() {
        return api.post(
                thread(),
                agency.token("pema-" + tag),
                Api.json(Map.of("text", "Thursday at 2 works. See you at the drop-in.")));
    }

    private String thread() {
        return "/api/v1/people/" + participant.id() + "/messages";
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

    /** The next such day and time in Toronto, from tomorrow on by the application's clock. */
    private Instant next(DayOfWeek day, LocalTime time) {
        LocalDate date =
                LocalDate.ofInstant(clock.instant(), TORONTO).plusDays(1).with(TemporalAdjusters.nextOrSame(day));
        return date.atTime(time).atZone(TORONTO).toInstant();
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
}
