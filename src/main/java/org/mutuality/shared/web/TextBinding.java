package org.mutuality.shared.web;

import java.beans.PropertyEditorSupport;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Forms, query and path parameters get the same character rule as JSON bodies ({@link Text}): a
 * refused character is a binding error, shown beside the field of a form (message
 * {@code typeMismatch.java.lang.String}) or a 400 for a request parameter, and nothing is saved.
 */
@ControllerAdvice
class TextBinding {

    @InitBinder
    void refuseHiddenCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new CheckedTextEditor());
    }

    /** Keeps text as typed (no trimming: that stays each form's choice) and refuses hidden characters. */
    static final class CheckedTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            int refused = Text.firstRefused(text);
            if (refused >= 0) {
                throw new BadInputException(
                        "text.refusedCharacter", Explanation.term("field.text", "text"), Text.codePoint(refused));
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
