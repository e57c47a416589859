package org.mutuality.practice;

import java.util.List;

/**
 * A supervision session as one of its two people reads it: the session (without the other's private
 * note) and the actions of earlier sessions its agenda carries, which they agreed together.
 */
public record SupervisionView(SupervisionSession session, List<SupervisionSession.Action> carried) {}
