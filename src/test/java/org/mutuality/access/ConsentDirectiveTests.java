package org.mutuality.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

/** A consent directive is given with a person or a purpose, and withdrawn once; it stays on record. */
class ConsentDirectiveTests {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    final PersonId jordan = new PersonId(UUID.randomUUID());
    final PersonId clinician = new PersonId(UUID.randomUUID());

    @Test
    void withholdsFromANamedPersonUntilWithdrawn() {
        ConsentDirective given = ConsentDirective.give(
                jordan, clinician, null, RecordKind.CARE_NOTES, "  Another doctor.  ", jordan, NOW);

        assertThat(given.note()).isEqualTo("Another doctor.");
        assertThat(given.withholds(clinician, RecordKind.CARE_NOTES, Purpose.CARE))
                .isTrue();

        ConsentDirective withdrawn = given.withdraw(NOW.plusSeconds(60));
        assertThat(withdrawn.active()).isFalse();
        assertThat(withdrawn.withdrawnAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(withdrawn.withholds(clinician, RecordKind.CARE_NOTES, Purpose.CARE))
                .isFalse();
    }

    @Test
    void refusesToBeWithdrawnTwice() {
        ConsentDirective withdrawn = ConsentDirective.give(jordan, null, Purpose.SUPERVISION, null, null, jordan, NOW)
                .withdraw(NOW);

        assertThatThrownBy(() -> withdrawn.withdraw(NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessage("That instruction was already withdrawn.");
    }

    @Test
    void refusesADirectiveThatNamesNobodyAndNoPurpose() {
        assertThatThrownBy(() -> ConsentDirective.give(jordan, null, null, RecordKind.CARE_NOTES, null, jordan, NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Name the person or the purpose to withhold the record from.");
    }

    @Test
    void refusesToWithholdARecordFromItsOwnPerson() {
        assertThatThrownBy(() -> ConsentDirective.give(jordan, jordan, null, null, null, jordan, NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("A person cannot withhold their record from themselves.");
    }

    @Test
    void refusesToWithholdSafetyRecordsFromThoseWhoHandleThem() {
        assertThatThrownBy(() ->
                        ConsentDirective.give(jordan, clinician, null, RecordKind.SAFETY_RECORDS, null, jordan, NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Concerns and incidents cannot be withheld from those who handle them.");
    }

    @Test
    void refusesANoteOverFiveHundredCharacters() {
        assertThatThrownBy(() -> ConsentDirective.give(jordan, clinician, null, null, "x".repeat(501), jordan, NOW))
                .isInstanceOf(BadInputException.class)
                .hasMessage("note must be at most 500 characters, was 501");
    }
}
