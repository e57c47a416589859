package org.mutuality.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;

class JournalEntryTests {

    static final Instant AT = Instant.parse("2026-11-30T10:15:00Z");
    static final PersonId AUTHOR = new PersonId(UUID.randomUUID());

    @Test
    void startsPrivate() {
        assertThat(JournalEntry.write(AUTHOR, null, "  A thought.  ", AT))
                .satisfies(e -> assertThat(e.shared()).isFalse())
                .satisfies(e -> assertThat(e.text()).isEqualTo("A thought."));
    }

    @Test
    void sharesFromTheMomentGiven() {
        JournalEntry shared = JournalEntry.write(AUTHOR, JournalPrompt.BOUNDARIES, "A line felt close.", AT)
                .share(AT.plusSeconds(60));

        assertThat(shared.sharedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void refusesToShareTwice() {
        JournalEntry shared = JournalEntry.write(AUTHOR, null, "Once.", AT).share(AT);

        assertThatThrownBy(() -> shared.share(AT))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already shared");
    }

    @Test
    void refusesToUnshareAPrivateEntry() {
        JournalEntry entry = JournalEntry.write(AUTHOR, null, "Private.", AT);

        assertThatThrownBy(entry::unshare).isInstanceOf(ConflictException.class);
    }

    @Test
    void becomesPrivateAgainWhenUnshared() {
        assertThat(JournalEntry.write(AUTHOR, null, "Back.", AT)
                        .share(AT)
                        .unshare()
                        .shared())
                .isFalse();
    }

    @Test
    void refusesABlankText() {
        assertThatThrownBy(() -> JournalEntry.write(AUTHOR, null, " \n ", AT)).isInstanceOf(BadInputException.class);
    }

    @Test
    void refusesATextOverFourThousandCharacters() {
        assertThatThrownBy(() -> JournalEntry.write(AUTHOR, null, "é".repeat(4001), AT))
                .isInstanceOf(BadInputException.class)
                .hasMessageNotContaining("é");
    }
}
