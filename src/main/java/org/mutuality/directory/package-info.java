/**
 * The agency directory: agencies, programs, teams, people, their roles and their sign-in accounts.
 */
@ApplicationModule(displayName = "Directory")
@NullMarked
package org.mutuality.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
