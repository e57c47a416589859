package org.mutuality.relationships;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;

/**
 * A check that runs before an assignment (care, supervision, approving time, support, interviews) is
 * recorded. The conflicts module provides it; the register records nothing the guard blocks, and
 * records what it warns about only once the recorder has acknowledged the reasons, or consulted a
 * colleague about exactly that assignment ({@link #consult}).
 */
public interface RelationshipGuard {

    /** Why to stop or think first (a block, a warning, a call for consultation), or empty when nothing does. */
    Optional<Refusal> vet(SignedInUser by, DeclareRelationship request);

    /**
     * Uses a consultation in place of an acknowledgement for this very assignment, about to be
     * recorded as {@code recordedAs}: it must have been asked by the recorder, be about exactly the
     * action this kind of relationship is to the check, its person A and person B, be answered "go
     * ahead with safeguards" and not be used yet. It is marked used for the relationship in the
     * caller's transaction, and its safeguards stay with the two people.
     *
     * @return whether this guard used it; false when it keeps no consultations (the default)
     * @throws org.mutuality.shared.NotFoundException when it is not a consultation the recorder may read
     * @throws org.mutuality.shared.ConflictException when it does not clear exactly this assignment
     */
    default boolean consult(
            SignedInUser by, DeclareRelationship request, UUID consultation, RelationshipId recordedAs) {
        return false;
    }

    /**
     * Why the relationship may not be recorded, or not without an acknowledgement, in words the caller
     * may see, and who could take the role instead.
     *
     * @param decision {@code BLOCK}, {@code CONSULT} or {@code WARN}
     * @param about what a consultation in place of the acknowledgement would be about, when known
     */
    record Refusal(
            String decision,
            List<String> explanations,
            List<Alternative> alternatives,
            @Nullable About about) {

        public Refusal {
            explanations = List.copyOf(explanations);
            alternatives = List.copyOf(alternatives);
        }

        /** A refusal that names no action to consult about. */
        public Refusal(String decision, List<String> explanations, List<Alternative> alternatives) {
            this(decision, explanations, alternatives, null);
        }

        /** Whether no acknowledgement can let it through. */
        public boolean blocks() {
            return "BLOCK".equals(decision);
        }

        /** Whether a consultation about {@link #about()} could let it through in place of an acknowledgement. */
        public boolean consultable() {
            return !blocks() && about != null;
        }
    }

    /**
     * What the check was asked, as a consultation would name it: the conflict check's action (such as
     * {@code ASSIGN_SUPPORT} for support, {@code SUPERVISE} for oversight), who would act and over whom.
     */
    record About(String action, PersonId actor, PersonId subject) {

        public About {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** A person who could take the role instead. */
    record Alternative(PersonId personId, String name) {}
}
