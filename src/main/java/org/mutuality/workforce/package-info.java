/**
 * The agency's workforce: timesheets and their approval, the code of conduct and its attestations,
 * and training and certification (the catalogue, each person's file through the access guard,
 * reminders before an expiry, compliance).
 */
@ApplicationModule(
        displayName = "Workforce",
        allowedDependencies = {
            "access", "audit", "conflicts", "directory", "notices", "relationships", "shared", "support"
        })
@NullMarked
package org.mutuality.workforce;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
