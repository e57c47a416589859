package org.mutuality.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explained;

class WellnessPlanTests {

    static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    static final PersonId PERSON = new PersonId(UUID.randomUUID());
    static final PersonId MANAGER = new PersonId(UUID.randomUUID());
    static final LocalDate SUPERVISED_SINCE = LocalDate.parse("2026-01-01");

    static String key(Throwable e) {
        return ((Explained) e).explanation().key();
    }

    @Test
    void sharesOnlyTheItemsThePersonShares() {
        WellnessItem keeps = WellnessItem.write(WellnessSection.KEEPS_ME_WELL, "Walking at lunch.", true, null, AT);
        WellnessItem signs = WellnessItem.write(WellnessSection.EARLY_SIGNS, "I stop eating lunch.", false, null, AT);
        Accommodation sharedAsk =
                Accommodation.ask(PERSON, "A quiet room for notes.", AT).sharing(true, AT);
        Accommodation privateAsk = Accommodation.ask(PERSON, "Later start on Mondays.", AT);
        WellnessPlan plan = new WellnessPlan(PERSON, List.of(keeps, signs), List.of(sharedAsk, privateAsk));

        WellnessPlan seen = plan.sharedWithSupervisor(SUPERVISED_SINCE, ZoneOffset.UTC);

        assertThat(seen.sections()).containsExactly(keeps);
        assertThat(seen.accommodations()).containsExactly(sharedAsk);
    }

    @Test
    void hidesAnItemTheMomentItIsMadePrivate() {
        WellnessItem shared = WellnessItem.write(WellnessSection.WHAT_HELPS, "A short walk.", true, null, AT);
        WellnessItem unshared = WellnessItem.write(WellnessSection.WHAT_HELPS, "A short walk.", false, shared, AT);

        assertThat(unshared.shared()).isFalse();
        assertThat(new WellnessPlan(PERSON, List.of(unshared), List.of())
                        .sharedWithSupervisor(SUPERVISED_SINCE, ZoneOffset.UTC)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void keepsTheMomentOfTheFirstShareWhenTheTextChanges() {
        WellnessItem shared = WellnessItem.write(WellnessSection.WHO_TO_TELL, "Sam.", true, null, AT);

        WellnessItem rewritten =
                WellnessItem.write(WellnessSection.WHO_TO_TELL, "Sam, by text.", true, shared, AT.plusSeconds(3600));

        assertThat(rewritten.sharedAt()).isEqualTo(AT);
        assertThat(rewritten.text()).isEqualTo("Sam, by text.");
    }

    @Test
    void neverReachesASupervisorAssignedAfterTheShare() {
        WellnessItem shared = WellnessItem.write(WellnessSection.KEEPS_ME_WELL, "Walking.", true, null, AT);
        WellnessPlan plan = new WellnessPlan(PERSON, List.of(shared), List.of());

        assertThat(plan.sharedWithSupervisor(LocalDate.parse("2026-12-01"), ZoneOffset.UTC)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void refusesAnOverlongSection() {
        String tooLong = "x".repeat(WellnessItem.LIMIT.characters() + 1);

        assertThatThrownBy(() -> WellnessItem.write(WellnessSection.WHAT_HELPS, tooLong, false, null, AT))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void answersOnlyASentRequestOnceAndNeverTheAskersOwn() {
        Accommodation asked = Accommodation.ask(PERSON, "A quiet room for notes.", AT);

        assertThatThrownBy(() -> asked.answer(Accommodation.Outcome.AGREED, "Yes.", MANAGER, AT))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(key(e)).isEqualTo("accommodation.notSent"));
        Accommodation sent = asked.send(AT);
        assertThatThrownBy(() -> sent.send(AT))
                .satisfies(e -> assertThat(key(e)).isEqualTo("accommodation.alreadySent"));
        assertThatThrownBy(() -> sent.answer(Accommodation.Outcome.AGREED, "Yes.", PERSON, AT))
                .satisfies(e -> assertThat(key(e)).isEqualTo("accommodation.ownRequest"));

        Accommodation answered =
                sent.answer(Accommodation.Outcome.AGREED_IN_PART, "Tuesdays and Thursdays.", MANAGER, AT);

        assertThat(answered.answer()).isNotNull();
        assertThat(answered.answer().outcome()).isEqualTo(Accommodation.Outcome.AGREED_IN_PART);
        assertThatThrownBy(() -> answered.answer(Accommodation.Outcome.AGREED, "Again.", MANAGER, AT))
                .satisfies(e -> assertThat(key(e)).isEqualTo("accommodation.answeredAlready"));
    }

    @Test
    void startsPrivateAndUnsent() {
        Accommodation asked = Accommodation.ask(PERSON, "Later start on Mondays.", AT);

        assertThat(asked.shared()).isFalse();
        assertThat(asked.sent()).isFalse();
        assertThatThrownBy(() -> Accommodation.ask(PERSON, " ", AT)).isInstanceOf(BadInputException.class);
    }
}
