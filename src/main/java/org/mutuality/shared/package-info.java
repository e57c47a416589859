/**
 * The shared kernel: identifiers, the clock, tenancy and error types that every module may use.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
@NullMarked
package org.mutuality.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
