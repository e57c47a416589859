/**
 * The agency's workforce: timesheets and their approval, role descriptions and their reading, yearly
 * work plans, and a staff member's own wellness plan and accommodations (later: training,
 * certifications). Every read of a person's work or wellness plan asks the access guard and is
 * audited.
 */
@ApplicationModule(
        displayName = "Workforce",
        allowedDependencies = {"access", "audit", "conflicts", "directory", "relationships", "shared"})
@NullMarked
package org.mutuality.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
