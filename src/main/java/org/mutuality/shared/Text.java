package org.mutuality.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What people type: the limits of a text ({@link Limit}, {@link #required}, {@link #optional}), a
 * word chosen from a list ({@link #choice}), language codes ({@link #languages}), and the one rule
 * for characters that Mutuality refuses in text people type: invisible controls and
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

    /** The most language codes one list holds. */
    public static final int MAX_LANGUAGES = 10;

    private Text() {}

    /** The longest texts people may type, by what the text is. One list, so limits stay consistent. */
    public enum Limit {
        /** A word or two: a gender, pronouns. */
        WORD(60),
        /** A phrase the respectful-language helper points out. */
        PHRASE(80),
        /** A label, a code, a user name. */
        LABEL(100),
        /** The name of a group. */
        TITLE(120),
        /** A name, a title, a place, a search. */
        NAME(200),
        /** One line of advice: words to say instead, and why. */
        LINE(300),
        /** A short note: a caution, a step, a directive's note. */
        SHORT(500),
        /** A reason, an approach, a note on a decision. */
        NOTE(1000),
        /** A message, an agreement, a reply. */
        MESSAGE(2000),
        /** An account of what happened, a support note, a concern. */
        BODY(4000),
        /** A page people read: the agency's description of the peer role. */
        PAGE(6000),
        /** A document the agency publishes in full: its code of conduct. */
        DOCUMENT(20000);

        private final int characters;

        Limit(int characters) {
            this.characters = characters;
        }

        public int characters() {
            return characters;
        }
    }

    /** The value without surrounding blanks; empty for null. */
    public static String trimmed(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** The value without surrounding blanks, or null when it is null or blank. */
    public static @Nullable String trimmedOrNull(@Nullable String value) {
        String t = trimmed(value);
        return t.isEmpty() ? null : t;
    }

    /**
     * A text that must be given: trimmed, at least {@code minimum} and at most {@code limit}
     * characters, with no refused character.
     *
     * @throws BadInputException naming the field (by its API name) and the limits, never the value
     */
    public static String required(String field, @Nullable String value, int minimum, Limit limit) {
        String t = trimmed(value);
        if (t.isEmpty()) {
            throw new BadInputException("text.required", Explanation.field(field));
        }
        if (t.length() < minimum) {
            throw new BadInputException("text.tooShort", Explanation.field(field), minimum, t.length());
        }
        return checkedLength(field, t, limit);
    }

    /** As {@link #required}, with no minimum beyond one character. */
    public static String required(String field, @Nullable String value, Limit limit) {
        return required(field, value, 1, limit);
    }

    /** A text that may be left out: trimmed, null when blank, at most {@code limit} characters. */
    public static @Nullable String optional(String field, @Nullable String value, Limit limit) {
        String t = trimmed(value);
        return t.isEmpty() ? null : checkedLength(field, t, limit);
    }

    /**
     * The constant of {@code type} a person chose, by its name in any case.
     *
     * @throws BadInputException naming the field and the choices, never the value
     */
    public static <E extends Enum<E>> E choice(String field, @Nullable String value, Class<E> type) {
        String t = trimmed(value);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new BadInputException(
                "text.notAChoice", Explanation.field(field), EnumSet.allOf(type).toString());
    }

    /** Every constant chosen ({@link #choice}); blank values are left out. */
    public static <E extends Enum<E>> Set<E> choices(String field, @Nullable Collection<String> values, Class<E> type) {
        EnumSet<E> chosen = EnumSet.noneOf(type);
        for (String value : values == null ? List.<String>of() : values) {
            if (!trimmed(value).isEmpty()) {
                chosen.add(choice(field, value, type));
            }
        }
        return chosen;
    }

    /**
     * Language codes (ISO 639: two or three letters, such as en, fr or es), lower-cased, in the order
     * given; each value may hold several, separated by commas or blanks.
     *
     * @throws BadInputException for a code that is not two or three letters, or more than ten codes
     */
    public static Set<String> languages(String field, @Nullable Collection<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String code : trimmed(value).toLowerCase(Locale.ROOT).split("[,\\s]+")) {
                if (!code.isEmpty() && !code.matches("[a-z]{2,3}")) {
                    throw new BadInputException("text.languageCodes", Explanation.field(field));
                }
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        if (codes.size() > MAX_LANGUAGES) {
            throw new BadInputException("text.tooManyLanguages", Explanation.field(field), MAX_LANGUAGES, codes.size());
        }
        return codes;
    }

    private static String checkedLength(String field, String t, Limit limit) {
        if (t.length() > limit.characters()) {
            throw new BadInputException("text.tooLong", Explanation.field(field), limit.characters(), t.length());
        }
        checked(field, t);
        return t;
    }

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
     * @throws BadInputException naming the field and the character's code point (never the
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
            throw new BadInputException("text.refusedCharacter", Explanation.field(field), codePoint(refused));
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
