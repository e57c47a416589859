/**
 * Notices: short messages to one person, shown inside Mutuality and sent by email when mail is
 * configured. A notice says what happened and where to look; it never carries a name or a record.
 */
@ApplicationModule(
        displayName = "Notices",
        allowedDependencies = {"directory", "shared"})
@NullMarked
package org.mutuality.notices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
