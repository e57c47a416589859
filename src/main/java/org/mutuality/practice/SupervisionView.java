package org.mutuality.practice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A supervision session as one of its two people reads it: the session (without the other's private
 * note), the actions of earlier sessions its agenda carries, which they agreed together, and why it
 * is read-only now (null while the two write to it).
 */
public record SupervisionView(
        SupervisionSession session,
        List<SupervisionSession.Action> carried,
        SupervisionSession.@Nullable ReadOnly readOnly) {}
