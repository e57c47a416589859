package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mutuality.directory.Person;
import org.mutuality.directory.Role;
import org.mutuality.directory.SignedInUser;
import org.mutuality.test.IntegrationTest;
import org.mutuality.test.MutableClock;
import org.mutuality.test.TestAgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminders before a training or a certification expires, with the application's clock moved
 * forward: a notice and an email (through a real SMTP server) 60 days before and 14 days before,
 * each once, however often the job runs; none once a renewal is recorded.
 */
@IntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=3025", "mutuality.notices.mail-interval=200ms"})
class TrainingRemindersIntegrationTests {

    /** The notices outbox is shared by every test context of the run: its backlog goes first. */
    static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    @Autowired
    TestAgency agency;

    @Autowired
    MutableClock clock;

    @Autowired
    Trainings trainings;

    @Autowired
    TrainingReminders reminders;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void remindsSixtyAndThenFourteenDaysBeforeACertificationExpiresOnceEach() throws MessagingException {
        TestAgency own = agency.inAgency("Reminders");
        String address = "remi-" + TestAgency.tag() + "@example.org";
        Person remi = own.person("Rémi Renouvelle")
                .role(Role.PEER_WORKER)
                .email(address)
                .create();
        LocalDate today = own.today();
        trainings.certify(
                own.signedIn(remi),
                remi.id(),
                new Certify("Provincial Peer Specialist Board", "PS-1", today.minusYears(2), today.plusDays(59)));

        reminders.remind();
        reminders.remind();

        assertThat(own.notices(remi.id(), "TRAINING_EXPIRES_IN_60_DAYS")).isEqualTo(1);
        assertThat(own.notices(remi.id(), "TRAINING_EXPIRES_IN_14_DAYS")).isZero();
        await().atMost(MAIL_WAIT).until(() -> mailsTo(address).size() == 1);
        assertThat(mailsTo(address).get(0).getSubject()).contains("two months");
        assertThat(GreenMailUtil.getBody(mailsTo(address).get(0)))
                .contains("/training")
                .doesNotContain("Rémi")
                .doesNotContain("Provincial");

        clock.advance(Duration.ofDays(46));
        reminders.remind();
        reminders.remind();

        assertThat(own.notices(remi.id(), "TRAINING_EXPIRES_IN_60_DAYS")).isEqualTo(1);
        assertThat(own.notices(remi.id(), "TRAINING_EXPIRES_IN_14_DAYS")).isEqualTo(1);
        await().atMost(MAIL_WAIT).until(() -> mailsTo(address).size() == 2);

        clock.advance(Duration.ofDays(14));
        reminders.remind();
        assertThat(own.notices(remi.id()))
                .as("none on or after the day it expires")
                .isEqualTo(2);
    }

    @Test
    void sendsOnlyTheFourteenDayReminderForSomethingRecordedLate() {
        TestAgency own = agency.inAgency("Late Reminders");
        Person sam = own.person("Sam Late").role(Role.CLINICIAN).create();
        LocalDate today = own.today();
        trainings.certify(
                own.signedIn(sam),
                sam.id(),
                new Certify("College of Practice", "C-9", today.minusYears(1), today.plusDays(10)));

        reminders.remind();

        assertThat(own.notices(sam.id(), "TRAINING_EXPIRES_IN_60_DAYS")).isZero();
        assertThat(own.notices(sam.id(), "TRAINING_EXPIRES_IN_14_DAYS")).isEqualTo(1);
    }

    @Test
    void remindsNobodyOfATrainingAlreadyRenewed() {
        TestAgency own = agency.inAgency("Renewed");
        Person ada = own.person("Ada Renewed").role(Role.PEER_WORKER).create();
        SignedInUser signedIn = own.signedIn(ada);
        LocalDate today = own.today();
        Training ethics = trainings.catalogue(signedIn).stream()
                .filter(t -> t.shipped() == ShippedTraining.ETHICS_AND_DUAL_RELATIONSHIPS)
                .findFirst()
                .orElseThrow();
        // Ethics is renewed every 24 months: completed 23 months ago, it expires within 60 days.
        trainings.record(
                signedIn,
                ada.id(),
                new CompleteTraining(ethics.id(), today.minusMonths(23), "Peer Network", BigDecimal.TEN, null),
                null);
        trainings.record(
                signedIn,
                ada.id(),
                new CompleteTraining(ethics.id(), today.minusDays(2), "Peer Network", BigDecimal.TEN, null),
                null);

        reminders.remind();

        assertThat(own.notices(ada.id())).isZero();
    }

    private static List<Message> mailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(m -> (Message) m)
                .toList();
    }
}
