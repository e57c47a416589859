/** The home screen each signed-in person lands on. */
@ApplicationModule(
        displayName = "Home",
        allowedDependencies = {"access", "directory", "practice", "safety", "support", "workforce"})
@NullMarked
package org.mutuality.home;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
