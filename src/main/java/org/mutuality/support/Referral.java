package org.mutuality.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;

/**
 * A referral of a person to peer support, with its steps (oldest first).
 *
 * @param chosenPeer the peer worker the person chose, while that peer worker has not answered
 * @param assignedPeer the peer worker who accepted; the assignment is a SUPPORTS relationship
 */
public record Referral(
        UUID id,
        PersonId person,
        ProgramId program,
        PersonId referredBy,
        String reason,
        Preferences preferences,
        ReferralStatus status,
        @Nullable PersonId chosenPeer,
        @Nullable PersonId assignedPeer,
        @Nullable UUID relationshipId,
        Instant receivedAt,
        Instant updatedAt,
        int version,
        List<Step> steps) {

    public Referral {
        steps = List.copyOf(steps);
    }

    /** Every peer worker who declined this referral. */
    public List<PersonId> declinedBy() {
        return steps.stream()
                .filter(s -> s.step() == StepKind.PEER_DECLINED && s.peer() != null)
                .map(Step::peer)
                .toList();
    }

    /** The moment the referral reached a status, or null if it never did. */
    public @Nullable Instant reached(StepKind kind) {
        Instant last = null;
        for (Step s : steps) {
            if (s.step() == kind) {
                last = s.at();
            }
        }
        return last;
    }

    /** What happened to a referral, step by step. */
    public enum StepKind {
        RECEIVED,
        OFFERED,
        CHOSEN,
        PEER_DECLINED,
        ACCEPTED,
        DECLINED,
        CLOSED
    }

    /** One step, by whom and when; {@code peer} names the peer worker a choice or answer concerns. */
    public record Step(
            StepKind step,
            PersonId by,
            @Nullable PersonId peer,
            @Nullable String note,
            Instant at) {}
}
