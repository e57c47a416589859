/**
 * The agency directory: agencies, programs, teams, people, their roles and their sign-in accounts.
 */
@ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {"audit", "shared"})
@NullMarked
package org.mutuality.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
