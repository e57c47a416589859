package org.mutuality.shared.web;

/**
 * Records a refusal a page caught to show above its form, so that showing it keeps its entry in
 * the audit log. The audit module implements it ({@code audit.Refusals}); the kernel cannot call
 * the audit module itself.
 */
public interface CaughtRefusals {

    /** Records {@code e} when it refuses the current web request; does nothing otherwise. */
    void recordIfRefusal(RuntimeException e);
}
