package org.mutuality.safety;

import java.util.List;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;

/** Conflict check answers for the records' unit tests. */
final class Decisions {

    private Decisions() {}

    static ConflictDecision of(Decision decision) {
        return new ConflictDecision(
                decision,
                decision == Decision.ALLOW
                        ? List.of()
                        : List.of(new ConflictDecision.Reason(
                                "family", decision, "FAMILY", "They are family.", List.of(), null, false)),
                List.of());
    }
}
