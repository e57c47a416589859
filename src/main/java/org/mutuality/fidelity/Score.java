package org.mutuality.fidelity;

/**
 * A questionnaire's score: the sum of the answers' values, and that sum times the scale's factor
 * (the WHO-5: raw 0 to 25, score 0 to 100).
 */
public record Score(int raw, int scaled) {}
