package org.mutuality.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** Studies and consents as records, with no Spring: transitions and item-level withdrawal. */
class StudyConsentTests {

    static final LocalDate APPROVED = LocalDate.of(2026, 3, 1);
    static final Instant AT = Instant.parse("2026-04-01T15:00:00Z");
    final PersonId pi = new PersonId(UUID.randomUUID());
    final PersonId person = new PersonId(UUID.randomUUID());

    Study study() {
        return Study.propose(
                new Study.Details(
                        "Voices",
                        "What helps in peer support.",
                        pi,
                        List.of(),
                        "CREB",
                        "A-1",
                        APPROVED,
                        APPROVED.plusYears(1),
                        "One interview",
                        "We look for participants.",
                        "You are invited to one interview."),
                pi,
                AT);
    }

    StudyConsent consent() {
        return StudyConsent.give(
                study().id(),
                person,
                1,
                Map.of(
                        ConsentItem.TAKE_PART, true,
                        ConsentItem.RECORDING, true,
                        ConsentItem.RECORDS, true,
                        ConsentItem.RECONTACT, false),
                StudyConsent.Method.SIGNED_ONLINE,
                "Paz",
                APPROVED.plusDays(5),
                person,
                AT,
                APPROVED.plusDays(5));
    }

    @Test
    void opensRecruitmentOnlyWithinTheApproval() {
        assertThatThrownBy(() -> study().openRecruitment(APPROVED.minusDays(1))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> study().openRecruitment(APPROVED.plusYears(1).plusDays(1)))
                .isInstanceOf(ConflictException.class);
        Study open = study().openRecruitment(APPROVED);
        assertThat(open.recruitsOn(APPROVED)).isTrue();
        assertThat(open.recruitsOn(APPROVED.plusYears(2))).isFalse();
    }

    @Test
    void refusesOpeningTwiceAndClosingAPlannedStudy() {
        Study open = study().openRecruitment(APPROVED);
        assertThatThrownBy(() -> open.openRecruitment(APPROVED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> study().closeRecruitment()).isInstanceOf(ConflictException.class);
        assertThat(open.closeRecruitment().status()).isEqualTo(Study.Status.CLOSED);
    }

    @Test
    void refusesAStudyEndingBeforeItsApproval() {
        assertThatThrownBy(() -> Study.propose(
                        new Study.Details(
                                "Voices",
                                "What helps in peer support.",
                                pi,
                                List.of(pi),
                                "CREB",
                                "A-1",
                                APPROVED,
                                APPROVED.plusYears(1),
                                "One interview",
                                "We look for participants.",
                                "You are invited to one interview."),
                        pi,
                        AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void withdrawsOneItemAndKeepsTheOthers() {
        StudyConsent.Withdrawn w = consent().withdraw(Set.of(ConsentItem.RECORDING), person, AT.plusSeconds(60));

        assertThat(w.consent().allows(ConsentItem.RECORDING)).isFalse();
        assertThat(w.consent().allows(ConsentItem.RECORDS)).isTrue();
        assertThat(w.consent().active()).isTrue();
        assertThat(w.changes()).hasSize(1);
        assertThat(w.consent().history()).hasSize(5);
    }

    @Test
    void withdrawingTakingPartWithdrawsEverything() {
        StudyConsent.Withdrawn w = consent().withdraw(Set.of(ConsentItem.TAKE_PART), person, AT);

        assertThat(EnumSet.allOf(ConsentItem.class)).noneMatch(w.consent()::allows);
        assertThat(w.changes()).hasSize(3);
    }

    @Test
    void refusesWithdrawingWhatIsNotConsented() {
        assertThatThrownBy(() -> consent().withdraw(Set.of(ConsentItem.RECONTACT), person, AT))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> consent().withdraw(Set.of(), person, AT)).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesAConsentWithoutTakingPartOrWithAnItemUnanswered() {
        assertThatThrownBy(() -> StudyConsent.give(
                        study().id(),
                        person,
                        1,
                        Map.of(
                                ConsentItem.TAKE_PART, false,
                                ConsentItem.RECORDING, true,
                                ConsentItem.RECORDS, true,
                                ConsentItem.RECONTACT, true),
                        StudyConsent.Method.SIGNED_ONLINE,
                        "Paz",
                        APPROVED,
                        person,
                        AT,
                        APPROVED))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> StudyConsent.give(
                        study().id(),
                        person,
                        1,
                        Map.of(ConsentItem.TAKE_PART, true),
                        StudyConsent.Method.SIGNED_ONLINE,
                        "Paz",
                        APPROVED,
                        person,
                        AT,
                        APPROVED))
                .isInstanceOf(BadInputException.class);
    }
}
