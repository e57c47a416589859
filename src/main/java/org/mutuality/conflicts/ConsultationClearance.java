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
    record Used(String kind, UUID id) {}

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
