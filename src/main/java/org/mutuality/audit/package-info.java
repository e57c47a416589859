/**
 * The audit log: every read, write, denial, break-the-glass, policy change and sign-in, in one
 * append-only hash chain per agency that anyone can verify.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared"})
@NullMarked
package org.mutuality.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
