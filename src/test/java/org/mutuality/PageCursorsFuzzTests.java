package org.mutuality;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.mutuality.contact.MessageCursor;
import org.mutuality.notices.NoticeCursor;
import org.mutuality.records.NoteCursor;
import org.mutuality.safety.ConcernCursor;
import org.mutuality.safety.IncidentCursor;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.PageCursor;
import org.mutuality.support.InteractionCursor;
import org.mutuality.test.Fuzzed;

/**
 * A page's link carries a cursor ({@code after=}, {@code before=}) that any client may change, and
 * each list reads it without Spring: {@link PageCursor} and the cursors of a thread's messages, a
 * person's notes, a participant's contacts, incidents, concerns and notices. Every text is read back as the cursor it is, or
 * refused with {@link BadInputException} (a 400), never another exception (a 500); and a cursor we
 * wrote reads back as itself. Seeds: cursors as the pages write them, and the same with a key out of
 * range, misspelt, missing, padded or in another alphabet.
 */
class PageCursorsFuzzTests {

    @FuzzTest
    void readsEachCursorBackOrRefusesIt(byte[] input) {
        Fuzzed.readsBackOrRefuses(input, MessageCursor::parse, c -> c.cursor().encoded());
        Fuzzed.readsBackOrRefuses(input, NoteCursor::parse, c -> c.cursor().encoded());
        Fuzzed.readsBackOrRefuses(
                input, InteractionCursor::parse, c -> c.cursor().encoded());
        Fuzzed.readsBackOrRefuses(input, IncidentCursor::parse, c -> c.cursor().encoded());
        Fuzzed.readsBackOrRefuses(input, ConcernCursor::parse, c -> c.cursor().encoded());
        Fuzzed.readsBackOrRefuses(input, NoticeCursor::parse, c -> c.cursor().encoded());
        for (int size = 1; size <= 4; size++) {
            readsEveryKeyOrRefusesIt(Fuzzed.text(input), size);
        }
    }

    /** Any list's cursor, each of its keys read as each kind of key a list sorts on. */
    private static void readsEveryKeyOrRefusesIt(String text, int size) {
        PageCursor cursor;
        try {
            cursor = PageCursor.parse(text, size);
        } catch (BadInputException refused) {
            return;
        }
        if (cursor == null) {
            return;
        }
        // Not read back from its own text: keys decoded from malformed UTF-8 hold U+FFFD, longer
        // written again than the longest cursor taken; a list never writes such keys.
        for (int key = 0; key < size; key++) {
            refusedOrRead(cursor, key);
        }
    }

    private static void refusedOrRead(PageCursor cursor, int key) {
        for (KeyKind kind : KeyKind.values()) {
            try {
                assertThat(kind.read(cursor, key)).isNotNull();
            } catch (BadInputException refused) {
                // not a key of that kind: a 400, as it should be
            }
        }
    }

    /** The kinds of sort key a list's cursor holds. */
    private enum KeyKind {
        DATE,
        INSTANT,
        ID,
        NUMBER;

        Object read(PageCursor cursor, int key) {
            return switch (this) {
                case DATE -> cursor.date(key);
                case INSTANT -> cursor.instant(key);
                case ID -> cursor.uuid(key);
                case NUMBER -> cursor.number(key);
            };
        }
    }
}
