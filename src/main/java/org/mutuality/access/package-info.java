/**
 * The confidentiality guard: who may read which kind of record of whom, for what purpose. Access
 * follows real relationships (care, assignment, supervision of the assigned worker), never job
 * titles alone, so a colleague's record stays sealed from everyone outside their circle of care.
 */
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {"audit", "directory", "notices", "relationships", "shared"})
@NullMarked
package org.mutuality.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
