package org.mutuality.relationships;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mutuality.shared.Explained;
import org.mutuality.shared.Explanation;

/**
 * The {@link RelationshipGuard} refused to record a relationship, or asks for an acknowledgement
 * first. Nothing was recorded. It explains itself with the guard's reasons.
 */
public class RelationshipRefused extends RuntimeException implements Explained {

    private final RelationshipGuard.Refusal refusal;

    public RelationshipRefused(RelationshipGuard.Refusal refusal) {
        super(String.join(" ", refusal.explanations()));
        this.refusal = refusal;
    }

    /** The guard's reasons; when it does not block, how to go ahead once they are read. */
    @Override
    public Explanation explanation() {
        return Explanation.of(
                refusal.blocks() ? "relationship.refused" : "relationship.acknowledgeFirst", getMessage());
    }

    /**
     * When it waits for an acknowledgement, as {@code conflicts.AcknowledgementNeeded} does: the
     * {@code decision} ({@code WARN} or {@code CONSULT}) and, when known, the {@code action}, {@code
     * actorId} and {@code subjectId} a consultation would be about. None for a block, which nothing
     * lets through.
     */
    @Override
    public Map<String, Object> facts() {
        if (refusal.blocks()) {
            return Map.of();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("decision", refusal.decision());
        RelationshipGuard.About about = refusal.about();
        if (about != null) {
            facts.put("action", about.action());
            facts.put("actorId", about.actor().value().toString());
            facts.put("subjectId", about.subject().value().toString());
        }
        return facts;
    }

    public RelationshipGuard.Refusal refusal() {
        return refusal;
    }
}
