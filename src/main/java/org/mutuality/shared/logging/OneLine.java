package org.mutuality.shared.logging;

import org.jspecify.annotations.Nullable;

/**
 * Escapes what could end a log line or hide part of it: CR and LF become {@code \r} and {@code
 * \n}, the other controls (tab aside) and the Unicode line separators become {@code \\uXXXX}. A
 * value with a line break stays on its one line, so nobody can append a forged entry to the log.
 */
final class OneLine {

    private OneLine() {}

    static @Nullable String escape(@Nullable String text) {
        if (text == null || !needsEscaping(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (escaped(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || escaped(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean escaped(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
    }
}
