package org.mutuality.relationships;

import org.mutuality.shared.Explained;
import org.mutuality.shared.Explanation;

/**
 * The {@link RelationshipGuard} refused to record a relationship, or asks for an acknowledgement
 * first. Nothing was recorded. It explains itself with the guard's reasons.
 */
public class RelationshipRefused extends RuntimeException implements Explained {

    private final RelationshipGuard.Refusal refusal;
    private final Explanation explanation;

    public RelationshipRefused(RelationshipGuard.Refusal refusal) {
        this(
                refusal,
                Explanation.of(
                        refusal.blocks() ? "relationship.refused" : "relationship.acknowledgeFirst",
                        String.join(" ", refusal.explanations())));
    }

    private RelationshipRefused(RelationshipGuard.Refusal refusal, Explanation explanation) {
        super(explanation.english());
        this.refusal = refusal;
        this.explanation = explanation;
    }

    @Override
    public Explanation explanation() {
        return explanation;
    }

    public RelationshipGuard.Refusal refusal() {
        return refusal;
    }
}
