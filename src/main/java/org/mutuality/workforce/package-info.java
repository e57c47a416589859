/**
 * The agency's workforce: timesheets and their approval, the code of conduct and its attestations
 * (later: work plans, training, certifications).
 */
@ApplicationModule(
        displayName = "Workforce",
        allowedDependencies = {"audit", "conflicts", "directory", "notices", "relationships", "shared", "support"})
@NullMarked
package org.mutuality.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
