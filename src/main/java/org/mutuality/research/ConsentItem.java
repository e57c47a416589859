package org.mutuality.research;

import java.util.Locale;
import org.mutuality.shared.BadInputException;

/**
 * What a participant says yes or no to, each on its own: taking part, being recorded (audio or
 * video), the use of their records, being contacted again. Recording is never implied by taking part.
 */
public enum ConsentItem {
    TAKE_PART("takePart"),
    RECORDING("recording"),
    RECORDS("records"),
    RECONTACT("recontact");

    private final String field;

    ConsentItem(String field) {
        this.field = field;
    }

    /** The item's name in the API and in forms: {@code takePart}, {@code recording}, ... */
    public String field() {
        return field;
    }

    /**
     * The item named by its API name or its constant, in any case.
     *
     * @throws BadInputException for an unknown name, listing the items (never the value)
     */
    public static ConsentItem parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ConsentItem item : values()) {
            if (item.field.toLowerCase(Locale.ROOT).equals(wanted)
                    || item.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return item;
            }
        }
        throw new BadInputException("study.consent.unknownItem", "takePart, recording, records, recontact");
    }
}
