package org.mutuality.conflicts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;

/**
 * The conflict check warned or asked for consultation: the action goes ahead only once the person
 * taking it says they have read the reasons ({@code acknowledge: true}), or brings a consultation
 * about exactly that action ({@code consultationId}). When the check was about one action, actor and
 * subject, the facts name them, so that the person can ask a colleague about exactly that.
 */
public class AcknowledgementNeeded extends ConflictException {

    private final List<String> reasons;
    private final Decision decision;
    private final ConflictDecision.@Nullable About about;

    public AcknowledgementNeeded(Decision decision, List<String> reasons) {
        this(decision, reasons, null);
    }

    public AcknowledgementNeeded(Decision decision, List<String> reasons, ConflictDecision.@Nullable About about) {
        super(
                "conflict.needsAcknowledgement",
                Explanation.term("decision." + decision.name(), decision.name()),
                String.join(" ", reasons));
        this.reasons = List.copyOf(reasons);
        this.decision = decision;
        this.about = about;
    }

    /**
     * The decision, for API clients: {@code WARN} or {@code CONSULT}; and, when known, the {@code
     * action}, {@code actorId} and {@code subjectId} a consultation would be about.
     */
    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("decision", decision.name());
        if (about != null) {
            facts.put("action", about.action().name());
            facts.put("actorId", about.actor().value().toString());
            facts.put("subjectId", about.subject().value().toString());
        }
        return facts;
    }

    /** What a consultation in place of the acknowledgement would be about, when the check was about one action. */
    public ConflictDecision.@Nullable About about() {
        return about;
    }

    public List<String> reasons() {
        return reasons;
    }
}
