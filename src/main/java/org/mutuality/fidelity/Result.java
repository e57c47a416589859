package org.mutuality.fidelity;

import java.time.Instant;

/** One completed questionnaire as its results show it: when, and its score. */
public record Result(ResponseId id, String code, Instant answeredAt, Score score) {}
