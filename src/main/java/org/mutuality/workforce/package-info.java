/**
 * The agency's workforce: timesheets and their approval, the code of conduct and its attestations,
 * training and certification (the catalogue, each person's file through the access guard,
 * reminders before an expiry, compliance), role descriptions and their reading, yearly work plans,
 * and a staff member's own wellness plan and accommodations. Every read of a person's records asks
 * the access guard and is audited.
 */
@ApplicationModule(
        displayName = "Workforce",
        allowedDependencies = {"access", "audit", "conflicts", "directory", "notices", "relationships", "shared"})
@NullMarked
package org.mutuality.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
