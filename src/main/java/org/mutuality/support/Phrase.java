package org.mutuality.support;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * A phrase that labels or devalues people, in one language, with a suggested alternative.
 *
 * @param lang {@code en} or {@code fr}
 * @param why why the phrase hurts, optional
 */
public record Phrase(
        PhraseId id,
        String lang,
        String phrase,
        String suggestion,
        @Nullable String why) {

    public Phrase {
        lang = language(lang);
        phrase = Text.required("phrase", phrase, 2, Text.Limit.PHRASE);
        suggestion = Text.required("suggestion", suggestion, Text.Limit.LINE);
        why = Text.optional("why", why, Text.Limit.LINE);
    }

    /**
     * The language of a phrase or a text: {@code en} or {@code fr}, in any case.
     *
     * @throws BadInputException for any other
     */
    static String language(@Nullable String lang) {
        String l = Text.trimmed(lang).toLowerCase(Locale.ROOT);
        if (!l.equals("en") && !l.equals("fr")) {
            throw new BadInputException("language.enOrFr");
        }
        return l;
    }
}
