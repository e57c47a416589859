package org.mutuality.conflicts;

import java.util.List;
import org.mutuality.directory.PersonId;

/**
 * What a new version of the conflict policy would do before it is put in force: how many of
 * today's pairings (approver and worker, supervisor and supervisee, peer worker and participant)
 * were looked at, and each whose decision would change.
 *
 * @param version the version in force it was compared with
 * @param pairings how many current pairings were looked at
 * @param changes the pairings whose decision would change, the most restricted afterwards first
 */
public record PolicyPreview(int version, int pairings, List<Change> changes) {

    public PolicyPreview {
        changes = List.copyOf(changes);
    }

    /** One pairing whose decision would change. */
    public record Change(
            PersonId actorId,
            String actorName,
            PersonId subjectId,
            String subjectName,
            Action action,
            Decision before,
            Decision after) {}
}
