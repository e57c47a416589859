package org.mutuality.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.conflicts.AcknowledgementNeeded;
import org.mutuality.conflicts.ConflictDecision;
import org.mutuality.conflicts.Decision;
import org.mutuality.conflicts.GoAhead;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.ProgramId;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.Explanation;
import org.mutuality.shared.Text;

/**
 * A referral of a person to peer support, with its steps (oldest first).
 *
 * @param chosenPeer the peer worker the person chose, while that peer worker has not answered
 * @param assignedPeer the peer worker who accepted; the assignment is a SUPPORTS relationship
 */
public record Referral(
        ReferralId id,
        PersonId person,
        ProgramId program,
        PersonId referredBy,
        String reason,
        Preferences preferences,
        ReferralStatus status,
        @Nullable PersonId chosenPeer,
        @Nullable PersonId assignedPeer,
        @Nullable RelationshipId relationshipId,
        Instant receivedAt,
        Instant updatedAt,
        int version,
        List<Step> steps) {

    public Referral {
        steps = List.copyOf(steps);
    }

    /**
     * A new referral, received from {@code by} (a team member, or the person themselves).
     *
     * @throws BadInputException when the reason is under 5 or over 2,000 characters
     */
    public static Referral receive(
            PersonId person, ProgramId program, PersonId by, String reason, Preferences preferences, Instant at) {
        String why = Text.required("reason", reason, 5, Text.Limit.MESSAGE);
        return new Referral(
                ReferralId.random(),
                person,
                program,
                by,
                why,
                preferences,
                ReferralStatus.RECEIVED,
                null,
                null,
                null,
                at,
                at,
                0,
                List.of(step(StepKind.RECEIVED, by, null, null, at)));
    }

    /** A step taken: the referral as it now stands, and the steps that made it so (one or two). */
    public record Moved(Referral referral, List<Step> steps) {

        public Moved {
            steps = List.copyOf(steps);
        }

        public Step last() {
            return steps.get(steps.size() - 1);
        }
    }

    /**
     * The coordinator offered peer support: the person received its plain-language description.
     *
     * @throws ConflictException unless the referral was just received
     */
    public Moved offer(PersonId coordinator, @Nullable String note, Instant at) {
        require(EnumSet.of(ReferralStatus.RECEIVED));
        String why = Text.optional("note", note, Text.Limit.NOTE);
        return move(ReferralStatus.OFFERED, chosenPeer, null, null, step(StepKind.OFFERED, coordinator, null, why, at));
    }

    /**
     * The person chose a peer worker, recorded by the coordinator; the pairing's conflict check must
     * be cleared (a warning acknowledged). Choosing on a referral not yet offered records the offer
     * too.
     *
     * @throws ConflictException when the referral is no longer open, or the check blocks the pairing
     * @throws AcknowledgementNeeded when the check warns and was not acknowledged
     * @throws BadInputException when the peer worker is the person themselves
     */
    public Moved choose(
            PersonId coordinator, PersonId peer, ConflictDecision decision, boolean acknowledged, Instant at) {
        return choose(coordinator, peer, decision, GoAhead.acknowledged(acknowledged), at);
    }

    /**
     * As {@link #choose(PersonId, PersonId, ConflictDecision, boolean, Instant)}, with what the
     * coordinator brings to the check: an acknowledgement, or a consultation answered "go ahead with
     * safeguards" about this pairing, which the step then names.
     */
    public Moved choose(PersonId coordinator, PersonId peer, ConflictDecision decision, GoAhead goAhead, Instant at) {
        require(EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED));
        if (peer.equals(person)) {
            throw new BadInputException("referral.ownPeer");
        }
        decision.requireCleared(goAhead);
        UUID consulted =
                goAhead instanceof GoAhead.Consulted c ? c.consultation().consultation() : null;
        List<Step> taken = offeredIfReceived(coordinator, at);
        String caution = decision.decision() == Decision.ALLOW ? null : "conflict check: " + decision.decision();
        taken.add(new Step(StepKind.CHOSEN, coordinator, peer, caution, at, consulted));
        // After a change was asked, the current peer worker's support goes on until another accepts.
        return move(ReferralStatus.OFFERED, peer, assignedPeer, relationshipId, taken);
    }

    /**
     * The person chose a peer worker themselves, from the suggestions they were shown. When the
     * pairing's check allows it, the choice stands as the coordinator's would and the peer worker is
     * asked; when it warns or asks for consultation, the choice waits for a coordinator to confirm it
     * (the person is never told which, nor why). A choice the check blocks is refused as "not
     * available", as a full or paused peer worker is.
     *
     * @throws ConflictException when the referral is not open, or the check blocks the pairing
     * @throws BadInputException when the peer worker is the person themselves
     */
    public Moved personChose(PersonId peer, ConflictDecision decision, Instant at) {
        requireChoiceOpen(peer, decision);
        List<Step> taken = offeredIfReceived(person, at);
        if (decision.decision() == Decision.ALLOW) {
            taken.add(step(StepKind.CHOSEN, person, peer, null, at));
            return move(ReferralStatus.OFFERED, peer, assignedPeer, relationshipId, taken);
        }
        taken.add(step(StepKind.PREFERRED, person, peer, null, at));
        return move(ReferralStatus.OFFERED, chosenPeer, assignedPeer, relationshipId, taken);
    }

    /**
     * The person would like to talk with a suggested peer worker before choosing; a coordinator
     * arranges it on the agency's channels.
     *
     * @throws ConflictException when the referral is not open, or the check blocks the pairing
     */
    public Moved askedToTalkFirst(PersonId peer, ConflictDecision decision, Instant at) {
        requireChoiceOpen(peer, decision);
        List<Step> taken = offeredIfReceived(person, at);
        taken.add(step(StepKind.TALK_FIRST, person, peer, null, at));
        return move(ReferralStatus.OFFERED, chosenPeer, assignedPeer, relationshipId, taken);
    }

    /**
     * The person asked for another peer worker, without having to say why. The suggestions open
     * again; the current peer worker's support goes on until another accepts, so the person is never
     * left without anyone.
     *
     * @throws ConflictException unless a peer worker supports the person on this referral
     */
    public Moved changeAsked(Instant at) {
        require(EnumSet.of(ReferralStatus.ACCEPTED));
        return move(
                ReferralStatus.OFFERED,
                null,
                assignedPeer,
                relationshipId,
                step(StepKind.CHANGE_ASKED, person, assignedPeer, null, at));
    }

    /** Peer workers the person asked to change from on this referral: they are not suggested again. */
    public List<PersonId> changedFrom() {
        return steps.stream()
                .filter(s -> s.step() == StepKind.CHANGE_ASKED && s.peer() != null)
                .map(Step::peer)
                .toList();
    }

    /** The peer worker the person last chose, while it waits for a coordinator to confirm; else null. */
    public @Nullable PersonId preferredPeer() {
        PersonId preferred = null;
        for (Step s : steps) {
            if (s.step() == StepKind.PREFERRED) {
                preferred = s.peer();
            } else if (s.step() == StepKind.CHOSEN || s.step() == StepKind.ACCEPTED || s.step() == StepKind.CLOSED) {
                preferred = null;
            }
        }
        return status.isOpen() ? preferred : null;
    }

    private void requireChoiceOpen(PersonId peer, ConflictDecision decision) {
        require(EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED));
        if (peer.equals(person)) {
            throw new BadInputException("referral.ownPeer");
        }
        if (decision.decision() == Decision.BLOCK) {
            throw new ConflictException("referral.peerNotAvailable");
        }
    }

    /** The offer a choice implies on a referral not yet offered, just before it (steps read in time order). */
    private List<Step> offeredIfReceived(PersonId by, Instant at) {
        List<Step> taken = new ArrayList<>();
        if (status == ReferralStatus.RECEIVED) {
            taken.add(step(StepKind.OFFERED, by, null, null, at.minusNanos(1000)));
        }
        return taken;
    }

    /**
     * The referral as the person it is about reads it: nothing says whether the conflict check
     * warned about a peer worker. A choice waiting for a coordinator to confirm reads as a choice made,
     * and no choice carries a caution or a consultation.
     */
    public Referral asThePersonSeesIt() {
        List<Step> seen = steps.stream()
                .map(s -> s.step() == StepKind.PREFERRED || s.step() == StepKind.CHOSEN
                        ? new Step(StepKind.CHOSEN, s.by(), s.peer(), null, s.at(), null)
                        : s)
                .toList();
        return new Referral(
                id,
                person,
                program,
                referredBy,
                reason,
                preferences,
                status,
                chosenPeer != null ? chosenPeer : preferredPeer(),
                assignedPeer,
                relationshipId,
                receivedAt,
                updatedAt,
                version,
                seen);
    }

    /** Whether this peer worker is the one the person chose and has yet to answer. */
    public boolean awaitsAnswerFrom(PersonId peer) {
        return status == ReferralStatus.OFFERED && peer.equals(chosenPeer);
    }

    /**
     * The chosen peer worker accepted: the assignment (a SUPPORTS relationship) exists.
     *
     * @throws ConflictException unless the referral waits for this peer worker's answer
     */
    public Moved accept(PersonId peer, RelationshipId assignment, @Nullable String note, Instant at) {
        requireAnswerFrom(peer);
        String why = Text.optional("note", note, Text.Limit.NOTE);
        return move(ReferralStatus.ACCEPTED, null, peer, assignment, step(StepKind.ACCEPTED, peer, peer, why, at));
    }

    /**
     * The chosen peer worker declined; the person may choose again.
     *
     * @throws ConflictException unless the referral waits for this peer worker's answer
     */
    public Moved peerDeclined(PersonId peer, @Nullable String note, Instant at) {
        requireAnswerFrom(peer);
        String why = Text.optional("note", note, Text.Limit.NOTE);
        return move(
                ReferralStatus.OFFERED,
                null,
                assignedPeer,
                relationshipId,
                step(StepKind.PEER_DECLINED, peer, peer, why, at));
    }

    /**
     * The person said no to peer support.
     *
     * @throws ConflictException unless the referral is still open
     */
    public Moved personDeclined(PersonId by, @Nullable String note, Instant at) {
        require(EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.OFFERED));
        String why = Text.optional("note", note, Text.Limit.NOTE);
        return move(ReferralStatus.DECLINED, null, null, null, step(StepKind.DECLINED, by, null, why, at));
    }

    /**
     * Closed: withdrawn while open, or the support ended (the service ends the assignment). A note
     * says why.
     *
     * @throws ConflictException when it is already closed
     */
    public Moved close(PersonId by, String note, Instant at) {
        require(EnumSet.complementOf(EnumSet.of(ReferralStatus.CLOSED)));
        String why = Text.required("note", note, Text.Limit.NOTE);
        return move(
                ReferralStatus.CLOSED, null, assignedPeer, relationshipId, step(StepKind.CLOSED, by, null, why, at));
    }

    private void require(Set<ReferralStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new ConflictException(
                    "referral.notNow", Explanation.term("referral.status." + status.name(), status.name()));
        }
    }

    private void requireAnswerFrom(PersonId peer) {
        require(EnumSet.of(ReferralStatus.OFFERED));
        if (!peer.equals(chosenPeer)) {
            throw new ConflictException("referral.notYourAnswer");
        }
    }

    private static Step step(StepKind kind, PersonId by, @Nullable PersonId peer, @Nullable String note, Instant at) {
        return new Step(kind, by, peer, note, at);
    }

    private Moved move(
            ReferralStatus to,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable RelationshipId relationship,
            Step taken) {
        return move(to, chosen, assigned, relationship, List.of(taken));
    }

    private Moved move(
            ReferralStatus to,
            @Nullable PersonId chosen,
            @Nullable PersonId assigned,
            @Nullable RelationshipId relationship,
            List<Step> taken) {
        List<Step> all = new ArrayList<>(steps);
        all.addAll(taken);
        Instant at = taken.get(taken.size() - 1).at();
        Referral next = new Referral(
                id,
                person,
                program,
                referredBy,
                reason,
                preferences,
                to,
                chosen,
                assigned,
                relationship,
                receivedAt,
                at,
                version + 1,
                all);
        return new Moved(next, taken);
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
        /** The person chose a peer worker whose pairing the check warns about: a coordinator confirms. */
        PREFERRED,
        /** The person asked to talk with a peer worker before choosing. */
        TALK_FIRST,
        PEER_DECLINED,
        ACCEPTED,
        /** The person asked for another peer worker; the current one supports them until another accepts. */
        CHANGE_ASKED,
        DECLINED,
        CLOSED
    }

    /**
     * One step, by whom and when; {@code peer} names the peer worker a choice or answer concerns, and
     * {@code consultation} the consultation a choice went ahead on, if one did.
     */
    public record Step(
            StepKind step,
            PersonId by,
            @Nullable PersonId peer,
            @Nullable String note,
            Instant at,
            @Nullable UUID consultation) {

        /** A step that went ahead on no consultation. */
        public Step(StepKind step, PersonId by, @Nullable PersonId peer, @Nullable String note, Instant at) {
            this(step, by, peer, note, at, null);
        }
    }
}
