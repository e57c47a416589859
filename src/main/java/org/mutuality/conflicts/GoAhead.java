package org.mutuality.conflicts;

import java.util.Objects;

/**
 * What the person about to act brings to a warning or a call for consultation: nothing yet, an
 * acknowledgement that they read the reasons, or a consultation answered "go ahead with safeguards"
 * about this very action. {@link ConflictDecision#requireCleared(GoAhead)} weighs it; a block lets
 * none of them through.
 */
public sealed interface GoAhead {

    /** Nothing: the action goes ahead only if the check allows it. */
    GoAhead NOTHING = new Nothing();

    /** The person read the reasons and goes ahead. */
    GoAhead ACKNOWLEDGED = new Acknowledged();

    /** An acknowledgement when {@code acknowledged}, else nothing (a form's tick box, a body's flag). */
    static GoAhead acknowledged(boolean acknowledged) {
        return acknowledged ? ACKNOWLEDGED : NOTHING;
    }

    /** Whether it lets a warning or a call for consultation through. */
    default boolean clears() {
        return !(this instanceof Nothing);
    }

    /** Nothing brought. */
    record Nothing() implements GoAhead {}

    /** The reasons were read. */
    record Acknowledged() implements GoAhead {}

    /** A consultation, used for this action, and the safeguards that stay with what goes ahead. */
    record Consulted(ConsultationClearance.Cleared consultation) implements GoAhead {

        public Consulted {
            Objects.requireNonNull(consultation, "consultation");
        }
    }
}
