/**
 * Person-level records kept small: care notes by clinicians and support notes by peer workers,
 * corrected by amendment, never overwritten; every read goes through the access guard and the audit log.
 */
@ApplicationModule(
        displayName = "Records",
        allowedDependencies = {"access", "audit", "directory", "shared"})
@NullMarked
package org.mutuality.records;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
