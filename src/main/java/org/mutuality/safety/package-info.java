/**
 * Safety without punishment: concerns raised by participants about a staff member's conduct, handled
 * by someone without a conflict and answered to the person who raised them. A concern is not a
 * verdict; nothing here sanctions anyone automatically.
 */
@ApplicationModule(
        displayName = "Safety",
        allowedDependencies = {
            "access",
            "audit",
            "conflicts",
            "directory",
            "notices",
            "relationships",
            "shared",
            "workforce"
        })
@NullMarked
package org.mutuality.safety;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
