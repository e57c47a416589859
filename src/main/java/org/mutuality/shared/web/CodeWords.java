package org.mutuality.shared.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A stored code (an audit action, a kind of record, a basis) in the reader's words. Templates call
 * it as {@code ${@words.of('audit.kind', e.recordKind)}}: the message {@code audit.kind.CARE_NOTES}
 * in the page's language; a code without a message of its own reads as the family's general words
 * ({@code audit.kind.other}: "another record or page"), or else in lower case with spaces, never as
 * the code itself.
 */
@Component("words")
public class CodeWords {

    private final MessageSource messages;

    public CodeWords(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String family, @Nullable Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        if (name.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String words = messages.getMessage(family + "." + name, null, null, locale);
        if (words == null) {
            // A code without words of its own (a page's name in a refused request): the family's
            // general words when it has them, never the code.
            words = messages.getMessage(family + ".other", null, null, locale);
        }
        return words != null
                ? words
                : name.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
    }

    /**
     * A word someone typed about themselves (a gender, say) in the reader's language when it is one
     * of the common ones ({@code gender.woman} = « femme »); otherwise exactly as they typed it.
     */
    public String asTyped(String family, @Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        String key = family + "." + typed.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        String words = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return words != null ? words : typed;
    }
}
