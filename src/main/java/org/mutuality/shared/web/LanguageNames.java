package org.mutuality.shared.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A language's name in the reader's language ("French", « anglais »), never its code: templates call
 * it as {@code ${@languages.name('fr')}}. A code Java does not know is shown as it was given.
 */
@Component("languages")
public class LanguageNames {

    public String name(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Locale reader = LocaleContextHolder.getLocale();
        String name = Locale.forLanguageTag(code).getDisplayLanguage(reader);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
