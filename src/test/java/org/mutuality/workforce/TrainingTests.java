package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.Role;
import org.mutuality.shared.BadInputException;

/** The catalogue, training records, certificates, standings, reminders and compliance, without Spring. */
class TrainingTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
    static final PersonId ADA = new PersonId(UUID.randomUUID());

    static final Training ETHICS = Training.shipped(ShippedTraining.ETHICS_AND_DUAL_RELATIONSHIPS, AT);

    @Test
    void shipsEachTrainingRequiredOfEveryStaffRoleAlike() {
        for (ShippedTraining s : ShippedTraining.values()) {
            Training t = Training.shipped(s, AT);
            assertThat(t.requiredFor()).isEqualTo(Role.staffRoles());
            assertThat(t.singlesOutPeers()).as(s.name()).isFalse();
            assertThat(t.renewEveryMonths()).isEqualTo(s.renewEveryMonths());
        }
    }

    @Test
    void namesATrainingRequiredOfPeerRolesAloneAsSinglingThemOut() {
        Training peerOnly =
                Training.define("Lived experience sharing", EnumSet.of(Role.PEER_WORKER, Role.VOLUNTEER_PEER), 12, AT);
        Training clinicianOnly = Training.define("Prescribing update", EnumSet.of(Role.CLINICIAN), 12, AT);

        assertThat(peerOnly.singlesOutPeers()).isTrue();
        assertThat(clinicianOnly.singlesOutPeers()).isFalse();
        assertThat(peerOnly.require(Role.staffRoles(), 12).singlesOutPeers()).isFalse();
    }

    @Test
    void refusesARequirementOfAParticipantRole() {
        assertThatThrownBy(() -> Training.define("Welcome", EnumSet.of(Role.PARTICIPANT), null, AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("staff roles");
    }

    @ParameterizedTest
    @CsvSource({"0", "121", "-3"})
    void refusesARenewalOutsideOneMonthToTenYears(int months) {
        assertThatThrownBy(() -> Training.define("Welcome", Set.of(Role.MANAGER), months, AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("was " + months);
    }

    @Test
    void refusesATrainingWithoutAName() {
        assertThatThrownBy(() -> Training.define("  ", Set.of(Role.MANAGER), null, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void expiresARecordAfterTheCataloguesRenewalUnlessTheCertificateSaysOtherwise() {
        TrainingRecord byCatalogue = completed(TODAY.minusMonths(1), null);
        TrainingRecord byCertificate = completed(TODAY.minusMonths(1), TODAY.plusMonths(6));

        assertThat(byCatalogue.expiresOn()).isEqualTo(TODAY.minusMonths(1).plusMonths(24));
        assertThat(byCertificate.expiresOn()).isEqualTo(TODAY.plusMonths(6));
        assertThat(byCatalogue.certificate()).isNull();
        assertThat(byCatalogue.attach(CertificateType.PDF).certificate()).isEqualTo(CertificateType.PDF);
    }

    @Test
    void neverExpiresATrainingThatIsNeverRenewed() {
        Training once = Training.define("Orientation", Set.of(Role.PEER_WORKER, Role.CLINICIAN), null, AT);
        TrainingRecord r = TrainingRecord.record(
                ADA, once, new CompleteTraining(once.id(), TODAY, "Agency", BigDecimal.ONE, null), ADA, TODAY, AT);

        assertThat(r.expiresOn()).isNull();
        assertThat(r.standing(TODAY.plusYears(30))).isEqualTo(Standing.CURRENT);
    }

    @Test
    void refusesATrainingCompletedAfterToday() {
        assertThatThrownBy(() -> completed(TODAY.plusDays(1), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("after today");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "1000.5", "1.125"})
    void refusesHoursOutOfRange(String hours) {
        assertThatThrownBy(() -> new CompleteTraining(ETHICS.id(), TODAY, "Agency", new BigDecimal(hours), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("hours");
    }

    @Test
    void refusesAnExpiryBeforeTheTrainingAndAProviderOnTwoLines() {
        assertThatThrownBy(() -> new CompleteTraining(ETHICS.id(), TODAY, "Agency", BigDecimal.ONE, TODAY))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new CompleteTraining(ETHICS.id(), TODAY, "Agency\nEvil", BigDecimal.ONE, null))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void readsHoursAsTypedWithAComma() {
        CompleteTraining typed = CompleteTraining.typed(ETHICS.id(), TODAY, " Agency ", "3,5", null);

        assertThat(typed.hours()).isEqualByComparingTo("3.5");
        assertThat(typed.provider()).isEqualTo("Agency");
        assertThatThrownBy(() -> CompleteTraining.typed(ETHICS.id(), TODAY, "Agency", "three", null))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> CompleteTraining.typed(null, TODAY, "Agency", "3", null))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void knowsACertificateByItsContent() {
        assertThat(Certificate.of(bytes("%PDF-1.7\n...")).type()).isEqualTo(CertificateType.PDF);
        assertThat(Certificate.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})
                        .type())
                .isEqualTo(CertificateType.PNG);
        assertThat(Certificate.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})
                        .type())
                .isEqualTo(CertificateType.JPEG);
    }

    @ParameterizedTest
    @CsvSource({
        "'<!DOCTYPE html><html><script>alert(1)</script>'",
        "'MZ\u0090\u0000 this program cannot be run in DOS mode'",
        "'%PD'",
        "'GIF89a'",
        "' %PDF-1.4 (a leading blank)'"
    })
    void refusesAnythingElseWhateverItsName(String content) {
        assertThatThrownBy(() -> Certificate.of(bytes(content)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("PDF, PNG or JPEG");
    }

    @Test
    void refusesAnEmptyOrOversizedCertificate() {
        byte[] big = new byte[Certificate.MAX_BYTES + 1];
        System.arraycopy(bytes("%PDF-"), 0, big, 0, 5);
        byte[] largest = new byte[Certificate.MAX_BYTES];
        System.arraycopy(bytes("%PDF-"), 0, largest, 0, 5);

        assertThatThrownBy(() -> Certificate.of(new byte[0])).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Certificate.of(big))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("5 MB");
        assertThat(Certificate.of(largest).size()).isEqualTo(Certificate.MAX_BYTES);
    }

    @Test
    void keepsACopyOfTheCertificatesBytes() {
        byte[] content = bytes("%PDF-1.7");
        Certificate c = Certificate.of(content);
        content[0] = 'X';
        c.content()[1] = 'X';

        assertThat(c.content()).isEqualTo(bytes("%PDF-1.7"));
    }

    @ParameterizedTest(name = "expiring {0} days from today stands {1}")
    @CsvSource({"-1, EXPIRED", "0, EXPIRED", "1, EXPIRING", "60, EXPIRING", "61, CURRENT"})
    void standsByItsExpiry(int days, Standing standing) {
        assertThat(Standing.of(TODAY.plusDays(days), TODAY)).isEqualTo(standing);
    }

    @ParameterizedTest(name = "{0} days before the expiry: {1}")
    @CsvSource({
        "90, ",
        "61, ",
        "60, SIXTY_DAYS",
        "15, SIXTY_DAYS",
        "14, FOURTEEN_DAYS",
        "1, FOURTEEN_DAYS",
        "0, ",
        "-5, "
    })
    void remindsSixtyAndFourteenDaysBefore(int daysLeft, ExpiryReminder reminder) {
        assertThat(ExpiryReminder.dueFor(TODAY.plusDays(daysLeft), TODAY)).isEqualTo(reminder);
    }

    @Test
    void checksWhatTheRolesRequireByTheRecordThatStands() {
        Training crisis = Training.shipped(ShippedTraining.CRISIS_RESPONSE, AT);
        Training clinical = Training.define("Prescribing update", EnumSet.of(Role.CLINICIAN), 12, AT);
        TrainingRecord old = completed(TODAY.minusMonths(30), null);
        TrainingRecord renewed = completed(TODAY.minusMonths(23), null);

        List<Requirement> file = Compliance.of(
                Set.of(Role.PEER_WORKER), List.of(ETHICS, crisis, clinical), List.of(old, renewed), List.of(), TODAY);

        assertThat(file).extracting(r -> r.training().id()).containsExactly(crisis.id(), ETHICS.id());
        assertThat(file.get(0).standing()).isEqualTo(Standing.MISSING);
        assertThat(file.get(1).latest()).isEqualTo(renewed);
        assertThat(file.get(1).standing()).isEqualTo(Standing.EXPIRING);
    }

    @Test
    void checksAPeerWorkerAndAClinicianWithTheSameRolesAlike() {
        List<Requirement> peer = Compliance.of(Set.of(Role.SUPERVISOR), List.of(ETHICS), List.of(), List.of(), TODAY);
        List<Requirement> clinician =
                Compliance.of(Set.of(Role.SUPERVISOR), List.of(ETHICS), List.of(), List.of(), TODAY);

        assertThat(peer).isEqualTo(clinician);
    }

    @Test
    void checksEachCertificationByTheOneThatStandsForItsBody() {
        Certification lapsed = Certification.record(
                ADA, new Certify("Peer Board", "1", TODAY.minusYears(3), TODAY.minusYears(1)), ADA, TODAY, AT);
        Certification renewed = Certification.record(
                ADA, new Certify("peer board", "2", TODAY.minusYears(1), TODAY.plusDays(10)), ADA, TODAY, AT);

        List<Requirement> file = Compliance.of(Set.of(), List.of(ETHICS), List.of(), List.of(lapsed, renewed), TODAY);

        assertThat(file).singleElement().satisfies(r -> {
            assertThat(r.certification()).isEqualTo(renewed);
            assertThat(r.standing()).isEqualTo(Standing.EXPIRING);
        });
    }

    @Test
    void refusesACertificationIssuedLaterThanToday() {
        assertThatThrownBy(() -> Certification.record(
                        ADA, new Certify("Peer Board", "1", TODAY.plusDays(1), null), ADA, TODAY, AT))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new Certify("Peer Board", "1", TODAY, TODAY.minusDays(1)))
                .isInstanceOf(BadInputException.class);
    }

    private static TrainingRecord completed(LocalDate on, LocalDate expires) {
        return TrainingRecord.record(
                ADA,
                ETHICS,
                new CompleteTraining(ETHICS.id(), on, "Peer Network", new BigDecimal("6"), expires),
                ADA,
                TODAY,
                AT);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
