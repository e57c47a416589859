package org.mutuality.shared;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for characters that Mutuality refuses in text people type: invisible controls and
 * the bidirectional embedding, override and isolate characters, which can make a name display as
 * something else ("Ana U+202E gnp.exe" shows as "Ana exe.png") or hide text after a NUL.
 *
 * <p>Refused everywhere: the C0 controls (U+0000-U+001F) except tab, line feed and carriage return;
 * DEL (U+007F); the C1 controls (U+0080-U+009F); U+202A-U+202E (embeddings and overrides) and
 * U+2066-U+2069 (isolates). Names and other one-line values refuse tab and line breaks too (CR,
 * LF and the Unicode line and paragraph separators U+2028 and U+2029). The
 * marks U+200E and U+200F stay allowed: right-to-left writers need them and they cannot reorder
 * text on their own. Values are refused, never stripped (ADR 0013): a silently altered name is
 * worse than a clear message.
 */
public final class Text {

    private Text() {}

    /**
     * Returns the first refused code point of a multi-line text (tab, line feed and carriage return
     * allowed), or -1 when there is none (and for null).
     */
    public static int firstRefused(@Nullable String value) {
        return first(value, false);
    }

    /** As {@link #firstRefused}, but for one-line values such as names: tab and line breaks are refused too. */
    public static int firstRefusedInLine(@Nullable String value) {
        return first(value, true);
    }

    /**
     * Returns the value unchanged if it holds no refused character.
     *
     * @throws IllegalArgumentException naming the field and the character's code point (never the
     *     value, which may be personal data)
     */
    public static @Nullable String checked(String field, @Nullable String value) {
        return check(field, value, firstRefused(value));
    }

    /** As {@link #checked}, for one-line values such as names. */
    public static @Nullable String checkedLine(String field, @Nullable String value) {
        return check(field, value, firstRefusedInLine(value));
    }

    /** The code point as people write it in bug reports, e.g. U+202E. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    private static @Nullable String check(String field, @Nullable String value, int refused) {
        if (refused >= 0) {
            throw new IllegalArgumentException(field + " contains " + codePoint(refused)
                    + ", an invisible control or text-direction character; remove it");
        }
        return value;
    }

    private static int first(@Nullable String value, boolean oneLine) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (refused(c, oneLine)) {
                return c;
            }
        }
        return -1;
    }

    private static boolean refused(char c, boolean oneLine) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return oneLine;
        }
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
