/**
 * The relationship register: who is related to whom and how (care, oversight, support, personal,
 * research, safety), declared by people or derived from the product's records, with history.
 */
@ApplicationModule(
        displayName = "Relationships",
        allowedDependencies = {"audit", "directory", "notices", "shared"})
@NullMarked
package org.mutuality.relationships;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
