package org.mutuality.conflicts;

import java.util.List;
import java.util.UUID;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;

/**
 * A consultation that lets an action the check asked to consult about go ahead, in place of a bare
 * acknowledgement ({@link ConflictDecision#requireCleared(Cleared)}). The practice module keeps
 * consultations and implements this; a module that acts (support, for an assignment) calls it in
 * the transaction of its action, so that the consultation is used once, with the action, or not at
 * all.
 */
public interface ConsultationClearance {

    /**
     * Uses the consultation for this action: it must have been asked by {@code asker}, be about
     * exactly this action, actor and subject, be answered "go ahead with safeguards", and not be used
     * yet. Marks it used for {@code usedFor} (a reference to the record that goes ahead, such as a
     * referral) in the caller's transaction.
     *
     * @throws NotFoundException when there is no such consultation the asker may read (another's
     *     reads as a missing one)
     * @throws ConflictException when it is not answered, was answered otherwise, was used already, or
     *     is about another action, actor or subject
     */
    Cleared use(SignedInUser asker, UUID consultation, Action action, PersonId actor, PersonId subject, Used usedFor);

    /**
     * The consultations the asker could go ahead on for exactly this action, actor and subject
     * (answered "go ahead with safeguards", not used yet), oldest first; ids only, for a page to offer
     * them. Empty when there is none.
     */
    List<UUID> usable(SignedInUser asker, Action action, PersonId actor, PersonId subject);

    /** What a consultation was used for: the kind of record and its id. */
    record Used(Kind kind, UUID id) {

        public Used {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(id, "id");
        }

        /** The kinds of record an action that went ahead on a consultation leaves. */
        public enum Kind {
            /** A peer worker chosen on a referral ({@code ASSIGN_SUPPORT}). */
            REFERRAL,
            /** An assignment recorded in the relationship register. */
            RELATIONSHIP,
            /** An incident taken in hand ({@code INVESTIGATE_INCIDENT}). */
            INCIDENT,
            /** A concern taken in hand ({@code INVESTIGATE_INCIDENT}). */
            CONCERN,
            /** A member added to a support group ({@code LEAD_GROUP_WITH}). */
            GROUP_MEMBERSHIP,
            /** A support group given a new leader ({@code LEAD_GROUP_WITH}). */
            GROUP_LEADER,
            /** A participant handed to another peer worker during a role pause ({@code ASSIGN_SUPPORT}). */
            ROLE_PAUSE,
            /** An interview assigned in a study ({@code INTERVIEW}). */
            INTERVIEW
        }
    }

    /**
     * A consultation that cleared an action: its id and the safeguards the consultant named, which
     * stay with what goes ahead.
     */
    record Cleared(UUID consultation, List<String> safeguards) {

        public Cleared {
            safeguards = List.copyOf(safeguards);
        }
    }
}
