/**
 * The agency contact channel (S3): participants write to their peer worker or the program through
 * Mutuality, never to a personal number. Messages are routed to the assigned peer worker during
 * office hours, else to the program's on-duty peer or its coordinators; outside office hours the
 * sender sees the after-hours and crisis resources at once. Email notices never carry the message.
 */
@ApplicationModule(
        displayName = "Contact",
        allowedDependencies = {"access", "audit", "directory", "notices", "relationships", "safety", "shared"})
@NullMarked
package org.mutuality.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
