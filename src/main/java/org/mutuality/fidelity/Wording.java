package org.mutuality.fidelity;

import java.util.Locale;
import org.mutuality.shared.Text;

/**
 * A text in English and French, as the agency wrote or pasted it. Both may be blank only in the
 * WHO-5's built-in structure, before the agency pastes its wording.
 */
public record Wording(String en, String fr) {

    public Wording {
        en = Text.trimmed(en);
        fr = Text.trimmed(fr);
    }

    /** Both texts, required and no longer than the limit. */
    public static Wording required(String field, String en, String fr, Text.Limit limit) {
        return new Wording(Text.required(field, en, limit), Text.required(field, fr, limit));
    }

    /** Nothing yet: the agency has not pasted it. */
    public static Wording none() {
        return new Wording("", "");
    }

    public boolean blank() {
        return en.isEmpty() && fr.isEmpty();
    }

    /** The text in the reader's language: French for French, English otherwise; never null. */
    public String in(Locale locale) {
        return "fr".equals(locale.getLanguage()) ? fr : en;
    }
}
