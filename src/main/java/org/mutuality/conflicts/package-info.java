/**
 * Conflict checks: before one person acts over another, the agency's policy (rules as data) and
 * the relationship register decide whether the action is allowed, needs care or consultation, or
 * must go to someone else, and who that could be.
 */
@ApplicationModule(
        displayName = "Conflicts",
        allowedDependencies = {"audit", "directory", "relationships", "shared"})
@NullMarked
package org.mutuality.conflicts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
