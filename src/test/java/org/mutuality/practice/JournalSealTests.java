package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.AgencyId;

class JournalSealTests {

    static final String TEXT = "Une journée difficile ; « merci » m’a touché·e.";

    final JournalSeal seal = new JournalSeal(JournalKeys.aead(JournalKeys.newKeyset()));
    final AgencyId agency = new AgencyId(UUID.randomUUID());
    final JournalEntryId entry = JournalEntryId.random();
    final PersonId author = new PersonId(UUID.randomUUID());

    @Test
    void opensWhatItSealed() {
        String sealed = seal.seal(agency, entry, author, TEXT);

        assertThat(seal.open(agency, entry, author, sealed)).isEqualTo(TEXT);
    }

    @Test
    void keepsNoWordOfTheTextInTheSealedForm() {
        String sealed = seal.seal(agency, entry, author, TEXT);
        String bytes = new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1);

        assertThat(sealed).doesNotContain("journée").doesNotContain("merci");
        assertThat(bytes).doesNotContain("merci");
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        assertThat(seal.seal(agency, entry, author, TEXT)).isNotEqualTo(seal.seal(agency, entry, author, TEXT));
    }

    @Test
    void refusesATextMovedToAnotherEntry() {
        String sealed = seal.seal(agency, entry, author, TEXT);

        assertThatThrownBy(() -> seal.open(agency, JournalEntryId.random(), author, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATextMovedToAnotherAuthor() {
        String sealed = seal.seal(agency, entry, author, TEXT);

        assertThatThrownBy(() -> seal.open(agency, entry, new PersonId(UUID.randomUUID()), sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATextMovedToAnotherAgency() {
        String sealed = seal.seal(agency, entry, author, TEXT);

        assertThatThrownBy(() -> seal.open(new AgencyId(UUID.randomUUID()), entry, author, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesATextSealedWithAnotherKey() {
        String sealed = new JournalSeal(JournalKeys.aead(JournalKeys.newKeyset())).seal(agency, entry, author, TEXT);

        assertThatThrownBy(() -> seal.open(agency, entry, author, sealed)).isInstanceOf(IllegalStateException.class);
    }
}
