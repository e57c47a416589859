package org.mutuality.relationships;

import java.util.List;
import java.util.Optional;
import org.mutuality.directory.SignedInUser;

/**
 * A check that runs before an assignment (care, supervision, approving time, support, interviews) is
 * recorded. The conflicts module provides it; the register records nothing the guard blocks, and
 * records what it warns about only once the recorder has acknowledged the reasons.
 */
public interface RelationshipGuard {

    /** Why to stop or think first (a block, a warning, a call for consultation), or empty when nothing does. */
    Optional<Refusal> vet(SignedInUser by, DeclareRelationship request);

    /**
     * Why the relationship may not be recorded, or not without an acknowledgement, in words the caller
     * may see, and who could take the role instead.
     *
     * @param decision {@code BLOCK}, {@code CONSULT} or {@code WARN}
     */
    record Refusal(String decision, List<String> explanations, List<Alternative> alternatives) {

        public Refusal {
            explanations = List.copyOf(explanations);
            alternatives = List.copyOf(alternatives);
        }

        /** Whether no acknowledgement can let it through. */
        public boolean blocks() {
            return "BLOCK".equals(decision);
        }
    }

    /** A person who could take the role instead. */
    record Alternative(org.mutuality.directory.PersonId personId, String name) {}
}
