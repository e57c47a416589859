package org.mutuality.safety;

import java.util.List;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.shared.ConflictException;

/** What the conflict check's answer means for taking a concern or an incident. */
final class Checks {

    private Checks() {}

    /**
     * Refuses a blocked handler, naming who could take it instead, and a cautioned one who has not
     * acknowledged the reasons.
     *
     * @throws ConflictException when the handler may not go ahead
     */
    static void requireMayHandle(ConflictDecision decision, boolean acknowledged, String what) {
        List<String> reasons = decision.reasons().stream()
                .filter(r -> r.decision() != Decision.ALLOW)
                .map(ConflictDecision.Reason::explanation)
                .distinct()
                .toList();
        if (decision.decision() == Decision.BLOCK) {
            List<String> others = decision.alternatives().stream()
                    .map(ConflictDecision.Alternative::name)
                    .toList();
            throw new ConflictException("Someone else should take this " + what + ": " + String.join(" ", reasons)
                    + (others.isEmpty() ? "" : " Who could: " + String.join(", ", others) + "."));
        }
        if (decision.decision() != Decision.ALLOW && !acknowledged) {
            throw new ConflictException("The conflict check says " + decision.decision() + ": "
                    + String.join(" ", reasons) + " Read the reasons and confirm (acknowledge) to go ahead.");
        }
    }

    /** The strictest of several answers, with every reason. */
    static ConflictDecision strictest(List<ConflictDecision> decisions) {
        Decision worst = Decision.ALLOW;
        List<ConflictDecision.Reason> reasons = new java.util.ArrayList<>();
        List<ConflictDecision.Alternative> alternatives = new java.util.ArrayList<>();
        for (ConflictDecision d : decisions) {
            reasons.addAll(d.reasons());
            if (d.decision().compareTo(worst) > 0) {
                worst = d.decision();
                alternatives = new java.util.ArrayList<>(d.alternatives());
            }
        }
        return new ConflictDecision(worst, reasons, alternatives);
    }
}
