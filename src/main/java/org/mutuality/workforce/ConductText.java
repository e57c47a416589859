package org.mutuality.workforce;

import java.util.Locale;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Text;

/**
 * The words of one version of the code of conduct, in English and in French, as Markdown (headings,
 * paragraphs, lists, emphasis; any HTML in it is shown as text, never run). Each language is
 * trimmed, at least 20 and at most 20,000 characters.
 *
 * @throws BadInputException naming the language that is missing, too short or too long
 */
public record ConductText(String en, String fr) {

    /** The fewest characters a version may hold in each language. */
    public static final int MINIMUM = 20;

    public ConductText {
        en = Text.required("text.en", en, MINIMUM, Text.Limit.DOCUMENT);
        fr = Text.required("text.fr", fr, MINIMUM, Text.Limit.DOCUMENT);
    }

    /** The text in the reader's language: French for French, English otherwise. */
    public String in(Locale reader) {
        return "fr".equals(reader.getLanguage()) ? fr : en;
    }
}
