package org.mutuality.relationships;

import java.util.List;
import java.util.Optional;
import org.mutuality.directory.SignedInUser;

/**
 * A check that runs before a relationship that gives one person power over another (supervision,
 * approving time, support, interviews) is recorded. The conflicts module provides it; the register
 * records nothing the guard refuses.
 */
public interface RelationshipGuard {

    /** A refusal, or empty when the relationship may be recorded. */
    Optional<Refusal> vet(SignedInUser by, DeclareRelationship request);

    /**
     * Why the relationship may not be recorded, in words the caller may see, and who could take the
     * role instead.
     */
    record Refusal(String decision, List<String> explanations, List<Alternative> alternatives) {

        public Refusal {
            explanations = List.copyOf(explanations);
            alternatives = List.copyOf(alternatives);
        }
    }

    /** A person who could take the role instead. */
    record Alternative(org.mutuality.directory.PersonId personId, String name) {}
}
