/**
 * Practice: how an agency lives with dual relationships day to day, beside the checks. Supervision
 * sessions between the pairs the register names ({@code SUPERVISES}), consultation before a hard
 * call, a dilemma navigator, boundary agreements, and a reflective journal private to its author and
 * encrypted at rest. Every read of a practice record asks the access guard and is audited through
 * {@code RecordTrail}; a supervision agenda is filled by every {@link
 * org.mutuality.practice.AgendaSource} of the module.
 */
@ApplicationModule(
        displayName = "Practice",
        allowedDependencies = {
            "access",
            "audit",
            "conflicts",
            "directory",
            "notices",
            "relationships",
            "safety",
            "shared"
        })
@NullMarked
package org.mutuality.practice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
