package org.mutuality.conflicts;

import java.util.List;
import java.util.Map;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;

/**
 * The conflict check warned or asked for consultation: the action goes ahead only once the person
 * taking it says they have read the reasons ({@code acknowledge: true}).
 */
public class AcknowledgementNeeded extends ConflictException {

    private final List<String> reasons;
    private final Decision decision;

    public AcknowledgementNeeded(Decision decision, List<String> reasons) {
        super(
                "conflict.needsAcknowledgement",
                Explanation.term("decision." + decision.name(), decision.name()),
                String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
        this.decision = decision;
    }

    /** The decision, for API clients: {@code WARN} or {@code CONSULT}. */
    @Override
    public Map<String, Object> facts() {
        return Map.of("decision", decision.name());
    }

    public List<String> reasons() {
        return reasons;
    }
}
