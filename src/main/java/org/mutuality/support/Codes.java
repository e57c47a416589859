package org.mutuality.support;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Parsing what people type or send: enum names, language codes, bounded text. Errors say what was expected. */
public final class Codes {

    private Codes() {}

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        String v = value == null ? "" : value.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + EnumSet.allOf(type) + ", was '"
                + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'");
    }

    public static <E extends Enum<E>> Set<E> parseAll(
            Class<E> type, java.util.Collection<String> values, String field) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(parse(type, v, field));
            }
        }
        return set;
    }

    /** Language codes: two or three lower-case letters each (ISO 639), at most ten. */
    public static Set<String> languages(java.util.Collection<String> values) {
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            for (String part : v.split("[,\\s]+")) {
                String code = part.strip().toLowerCase(java.util.Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!code.matches("[a-z]{2,3}")) {
                    throw new IllegalArgumentException("languages must be ISO 639 codes such as en, fr or es, was '"
                            + (code.length() > 20 ? code.substring(0, 20) + "…" : code) + "'");
                }
                set.add(code);
            }
        }
        if (set.size() > 10) {
            throw new IllegalArgumentException("at most 10 languages, was " + set.size());
        }
        return set;
    }

    public static String text(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + v.length());
        }
        return v;
    }
}
