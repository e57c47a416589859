package org.mutuality.conflicts;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one place an action that the conflict check may warn about turns what the person brings (a
 * tick box, a consultation's id) into a {@link GoAhead}. A module that acts calls {@link #resolve}
 * in the transaction of its action and hands the result to the record's intent method, which weighs
 * it with {@link ConflictDecision#requireCleared(GoAhead)}: the consultation is used once, with the
 * action, or not at all.
 */
@Service
public class Clearances {

    private final ObjectProvider<ConsultationClearance> consultations;

    Clearances(ObjectProvider<ConsultationClearance> consultations) {
        this.consultations = consultations;
    }

    /**
     * What the person brings to {@code action} by {@code actor} over {@code subject}: the consultation
     * when one is named (used at once for {@code usedFor}), else their acknowledgement.
     *
     * @throws NotFoundException when the consultation is not one the asker may read (or consultations
     *     are not kept at all)
     * @throws org.mutuality.shared.ConflictException when the consultation does not clear exactly this
     *     action (see {@link ConsultationClearance#use})
     */
    public GoAhead resolve(
            SignedInUser asker,
            boolean acknowledged,
            @Nullable UUID consultation,
            Action action,
            PersonId actor,
            PersonId subject,
            ConsultationClearance.Used usedFor) {
        if (consultation == null) {
            return GoAhead.acknowledged(acknowledged);
        }
        ConsultationClearance clearance = consultations.getIfAvailable();
        if (clearance == null) {
            throw new NotFoundException("notFound.consultation", consultation);
        }
        return new GoAhead.Consulted(clearance.use(asker, consultation, action, actor, subject, usedFor));
    }

    /**
     * As {@link #resolve(SignedInUser, boolean, UUID, Action, PersonId, PersonId,
     * ConsultationClearance.Used)}, for the pairing the check was about ({@link
     * ConflictDecision#about()}): when several pairings ask for care at once (the strictest of several
     * answers), no single consultation clears them, and only an acknowledgement does. A consultation
     * brought to an action the check now simply allows, about no one pairing, is not used.
     *
     * @throws NotFoundException when the consultation is not one the asker may read
     * @throws ConflictException when the consultation does not clear exactly this action, or the
     *     check was about several pairings that ask for care
     */
    public GoAhead resolve(
            SignedInUser asker,
            boolean acknowledged,
            @Nullable UUID consultation,
            ConflictDecision decision,
            ConsultationClearance.Used usedFor) {
        ConflictDecision.About about = decision.about();
        if (consultation == null || about == null) {
            if (consultation != null && decision.decision() != Decision.ALLOW) {
                throw new ConflictException("consultation.severalPairings");
            }
            return GoAhead.acknowledged(acknowledged);
        }
        return resolve(asker, acknowledged, consultation, about.action(), about.actor(), about.subject(), usedFor);
    }

    /**
     * The consultations the asker could go ahead on for exactly this action, actor and subject; ids
     * only, oldest first, for a page to offer them. Empty when there is none.
     */
    public List<UUID> usable(SignedInUser asker, Action action, PersonId actor, PersonId subject) {
        ConsultationClearance clearance = consultations.getIfAvailable();
        return clearance == null ? List.of() : clearance.usable(asker, action, actor, subject);
    }
}
