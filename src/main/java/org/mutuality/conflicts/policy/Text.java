package org.mutuality.conflicts.policy;

import java.util.Locale;
import java.util.Map;

/** Words written by the agency in its policy, in one language for all or per language. */
public record Text(Map<String, String> byLanguage) {

    public Text {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static Text of(String text) {
        return new Text(Map.of("", text));
    }

    /** The text in the locale's language, else English, else any. */
    public String in(Locale locale) {
        String text = byLanguage.get(locale.getLanguage());
        if (text == null) {
            text = byLanguage.get("en");
        }
        if (text == null) {
            text = byLanguage.get("");
        }
        return text != null ? text : byLanguage.values().iterator().next();
    }
}
