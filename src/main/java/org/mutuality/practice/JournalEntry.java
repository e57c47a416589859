package org.mutuality.practice;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Text;

/**
 * One entry of a worker's reflective journal, as its author reads it: the text in clear, which
 * exists only in memory (the store keeps it sealed, see {@link JournalSeal}). An entry is shared with
 * the author's supervisors, or not; the author shares it, unshares it or deletes it, nobody else.
 *
 * @param prompt the question the entry answers, or null for a free entry
 * @param sharedAt since when the author's supervisors may read it, or null while it is private
 */
public record JournalEntry(
        JournalEntryId id,
        PersonId author,
        @Nullable JournalPrompt prompt,
        String text,
        Instant writtenAt,
        @Nullable Instant sharedAt) {

    /** The longest entry, in characters: a page of reflection. */
    public static final Text.Limit LIMIT = Text.Limit.BODY;

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    /**
     * A new private entry.
     *
     * @throws org.mutuality.shared.BadInputException when the text is blank, longer than 4,000
     *     characters, or holds a refused character (never naming the text)
     */
    public static JournalEntry write(
            PersonId author, @Nullable JournalPrompt prompt, @Nullable String text, Instant at) {
        String said = Text.required("text", text, LIMIT);
        return new JournalEntry(JournalEntryId.random(), author, prompt, said, at, null);
    }

    public boolean shared() {
        return sharedAt != null;
    }

    /**
     * The entry shared with the author's supervisors from {@code at}.
     *
     * @throws ConflictException ({@code journal.alreadyShared}) when it is shared already
     */
    public JournalEntry share(Instant at) {
        if (shared()) {
            throw new ConflictException("journal.alreadyShared");
        }
        return new JournalEntry(id, author, prompt, text, writtenAt, at);
    }

    /**
     * The entry private again.
     *
     * @throws ConflictException ({@code journal.notShared}) when it is private already
     */
    public JournalEntry unshare() {
        if (!shared()) {
            throw new ConflictException("journal.notShared");
        }
        return new JournalEntry(id, author, prompt, text, writtenAt, null);
    }
}
