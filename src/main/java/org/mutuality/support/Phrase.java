package org.mutuality.support;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A phrase that labels or devalues people, in one language, with a suggested alternative.
 *
 * @param lang {@code en} or {@code fr}
 * @param why why the phrase hurts, optional
 */
public record Phrase(
        UUID id,
        String lang,
        String phrase,
        String suggestion,
        @Nullable String why) {

    public Phrase {
        lang = Codes.text(lang, "lang", 5, true).toLowerCase(Locale.ROOT);
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new IllegalArgumentException("lang must be en or fr, was '" + lang + "'");
        }
        phrase = Codes.text(phrase, "phrase", 80, true);
        if (phrase.length() < 2) {
            throw new IllegalArgumentException("phrase must be at least 2 characters");
        }
        suggestion = Codes.text(suggestion, "suggestion", 300, true);
        String w = Codes.text(why, "why", 300, false);
        why = w.isEmpty() ? null : w;
    }
}
