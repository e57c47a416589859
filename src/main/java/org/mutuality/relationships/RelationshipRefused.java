package org.mutuality.relationships;

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

    public RelationshipGuard.Refusal refusal() {
        return refusal;
    }
}
