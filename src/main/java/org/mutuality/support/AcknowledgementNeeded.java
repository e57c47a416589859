package org.mutuality.support;

import java.util.List;
import org.mutuality.shared.ConflictException;

/**
 * The conflict check warned or asked for consultation: the action goes ahead only once the person
 * taking it says they have read the reasons ({@code acknowledge: true}).
 */
public class AcknowledgementNeeded extends ConflictException {

    private final List<String> reasons;

    public AcknowledgementNeeded(String decision, List<String> reasons) {
        super("The conflict check says " + decision + ": " + String.join(" ", reasons)
                + " Read the reasons and confirm (acknowledge) to go ahead.");
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
