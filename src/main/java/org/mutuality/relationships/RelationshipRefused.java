package org.mutuality.relationships;

/** The {@link RelationshipGuard} refused to record a relationship. Nothing was recorded. */
public class RelationshipRefused extends RuntimeException {

    private final RelationshipGuard.Refusal refusal;

    public RelationshipRefused(RelationshipGuard.Refusal refusal) {
        super("The relationship was refused: " + String.join(" ", refusal.explanations()));
        this.refusal = refusal;
    }

    public RelationshipGuard.Refusal refusal() {
        return refusal;
    }
}
