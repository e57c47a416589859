package org.mutuality.workforce;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A certification to record, such as a state or provincial peer specialist certification: the body
 * that issued it (1 to 200 characters), its number (1 to 100), the day it was issued and the day it
 * expires (null for never, otherwise after it was issued).
 *
 * @throws BadInputException naming the value that is missing or out of range
 */
public record Certify(
        String body,
        String number,
        LocalDate issuedOn,
        @Nullable LocalDate expiresOn) {

    public Certify {
        body = Text.required("body", body, Text.Limit.NAME);
        Text.checkedLine("body", body);
        number = Text.required("number", number, Text.Limit.LABEL);
        Text.checkedLine("number", number);
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (expiresOn != null && !expiresOn.isAfter(issuedOn)) {
            throw new BadInputException(
                    "training.expiresBeforeIssued", Explanation.field("expiresOn"), issuedOn, expiresOn);
        }
    }

    /**
     * As a form sends it.
     *
     * @throws BadInputException when the day of issue is missing, or as the constructor does
     */
    public static Certify typed(
            @Nullable String body,
            @Nullable String number,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn) {
        if (issuedOn == null) {
            throw new BadInputException("text.required", Explanation.field("issuedOn"));
        }
        return new Certify(Text.trimmed(body), Text.trimmed(number), issuedOn, expiresOn);
    }
}
