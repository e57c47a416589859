/**
 * Program fidelity and the participant's voice: outcome questionnaires a participant completes at
 * intake and when due (the WHO-5's structure built in, the agency's own scales), their results over
 * time as a chart, participant feedback on peer support, and the one small-cell rule every figure
 * about few people follows ({@link org.mutuality.fidelity.SmallCell}). Every read of a person's
 * results asks the access guard and is audited.
 */
@ApplicationModule(
        displayName = "Fidelity",
        allowedDependencies = {"access", "directory", "relationships", "shared"})
@NullMarked
package org.mutuality.fidelity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
