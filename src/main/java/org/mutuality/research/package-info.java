/**
 * Research with dual roles (S9): studies approved by an ethics board, recruitment without pressure
 * from anyone with power over the person, and consent item by item (recording apart), withdrawn at
 * any time and kept as history.
 */
@ApplicationModule(
        displayName = "Research",
        allowedDependencies = {"access", "audit", "conflicts", "directory", "relationships", "shared"})
@NullMarked
package org.mutuality.research;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
