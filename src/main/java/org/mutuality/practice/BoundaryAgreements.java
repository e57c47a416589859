package org.mutuality.practice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.notices.NoticeKind;
import org.mutuality.notices.Notices;
import org.mutuality.practice.store.BoundaryAgreementStore;
import org.mutuality.relationships.BoundaryPlan;
import org.mutuality.relationships.BoundaryPlans;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boundary agreements (S6): a peer worker and a participant who know each other outside the agency,
 * and whom a consultation let work together with safeguards, write what they agree on together and
 * accept it together. Three people read one: the two of them and whoever supervises the peer worker
 * today and already did on the day the agreement started (a supervisor assigned later does not read
 * it, as for a consultation or a shared journal entry); every read is asked of the guard and audited about the participant, and anyone else is
 * answered as if it did not exist (the refusal audited). Only the two write, accept or ask to
 * revisit. It starts from the peer worker's own boundary plan ({@link BoundaryPlans}) where the plan
 * covers the same area, so nothing they wrote there is typed twice. Methods never return null.
 */
@Service
public class BoundaryAgreements {

    static final RecordKind KIND = RecordKind.PRACTICE_RECORDS;

    private final BoundaryAgreementStore store;
    private final RecordTrail trail;
    private final BoundaryPlans plans;
    private final ConsultationSupervisors supervisors;
    private final Notices notices;
    private final Clock clock;

    BoundaryAgreements(
            BoundaryAgreementStore store,
            RecordTrail trail,
            BoundaryPlans plans,
            ConsultationSupervisors supervisors,
            Notices notices,
            Clock clock) {
        this.store = store;
        this.trail = trail;
        this.plans = plans;
        this.supervisors = supervisors;
        this.notices = notices;
        this.clock = clock;
    }

    /** An agreement as its reader may see it: whether they are one of the two. */
    public record View(BoundaryAgreement agreement, Basis basis, boolean party) {}

    /**
     * Starts the agreement a used consultation calls for: between its actor (the peer worker) and its
     * subject (the participant), with the consultant's safeguards; both are told. Called by {@link
     * Consultations#use} in the transaction of the action that goes ahead.
     */
    void start(SignedInUser by, Consultation consultation) {
        if (store.fromConsultation(by.agencyId(), consultation.id()).isPresent()) {
            return;
        }
        PersonId peer = consultation.actor();
        Map<BoundaryAgreement.Topic, String> draft = new EnumMap<>(BoundaryAgreement.Topic.class);
        plans.planOf(by.agencyId(), peer).map(BoundaryPlan::areas).ifPresent(areas -> {
            for (BoundaryAgreement.Topic topic : BoundaryAgreement.Topic.values()) {
                if (topic.area() != null && areas.containsKey(topic.area())) {
                    draft.put(topic, areas.get(topic.area()));
                }
            }
        });
        BoundaryAgreement agreement = BoundaryAgreement.start(
                consultation.id(), peer, consultation.subject(), consultation.safeguards(), draft, clock.instant());
        store.insert(by.agencyId(), agreement);
        trail.written(by, agreement.participant(), KIND, agreement.id(), "boundary agreement started");
        notices.send(by.agencyId(), agreement.peer(), NoticeKind.AGREEMENT_TO_ACCEPT, link(agreement.id()));
        notices.send(by.agencyId(), agreement.participant(), NoticeKind.AGREEMENT_TO_ACCEPT, link(agreement.id()));
    }

    /**
     * One agreement, for the two people and the peer worker's supervisor; the read is audited.
     *
     * @throws NotFoundException for anyone else (audited), as for a missing one
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public View view(SignedInUser reader, BoundaryAgreementId id) {
        BoundaryAgreement a =
                store.find(reader.agencyId(), id).orElseThrow(() -> new NotFoundException("notFound.agreement", id));
        Basis party = partyOf(reader, a);
        if (party == null) {
            trail.refused(reader, a.participant(), KIND, a.id());
            throw new NotFoundException("notFound.agreement", id);
        }
        Basis basis = trail.read(reader, a.participant(), KIND, party, a.id());
        if (basis == null) {
            throw new NotFoundException("notFound.agreement", id);
        }
        return new View(a, basis, party == Basis.AGREEMENT_PARTY);
    }

    /** The agreement that came from a consultation, if the reader may read it (audited). */
    @Transactional(noRollbackFor = NotFoundException.class)
    public @Nullable View fromConsultation(SignedInUser reader, ConsultationId consultation) {
        BoundaryAgreement a =
                store.fromConsultation(reader.agencyId(), consultation).orElse(null);
        if (a == null || partyOf(reader, a) == null) {
            return null;
        }
        return view(reader, a.id());
    }

    /**
     * The agreements the reader is one of the two of, or supervises the peer worker of; newest first,
     * each an audited read.
     */
    @Transactional
    public List<View> mine(SignedInUser reader) {
        List<PersonId> people = new ArrayList<>(supervisors.of(reader));
        people.add(reader.personId());
        Map<BoundaryAgreementId, BoundaryAgreement> found = new LinkedHashMap<>();
        store.of(reader.agencyId(), people, Consultations.LIST_LIMIT).forEach(a -> found.put(a.id(), a));
        List<View> shown = new ArrayList<>();
        for (BoundaryAgreement a : found.values()) {
            Basis party = partyOf(reader, a);
            if (party != null) {
                Basis basis = trail.read(reader, a.participant(), KIND, party, a.id());
                if (basis != null) {
                    shown.add(new View(a, basis, party == Basis.AGREEMENT_PARTY));
                }
            }
        }
        return shown;
    }

    /**
     * One of the two writes the agreement; both acceptances are taken back.
     *
     * @throws NotFoundException unless the caller may read it (audited)
     * @throws ForbiddenException unless the caller is one of the two (the supervisor only reads)
     * @throws ConflictException once agreed
     * @throws BadInputException when a topic is over 1,000 characters
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public BoundaryAgreement write(
            SignedInUser by, BoundaryAgreementId id, Map<BoundaryAgreement.Topic, String> words) {
        BoundaryAgreement a = view(by, id).agreement();
        store.save(by.agencyId(), a.write(by.personId(), words, clock.instant()));
        trail.written(by, a.participant(), KIND, a.id(), "boundary agreement written");
        return view(by, id).agreement();
    }

    /**
     * One of the two accepts the words as they stand; the other is told.
     *
     * @throws NotFoundException unless the caller may read it (audited)
     * @throws ForbiddenException unless the caller is one of the two
     * @throws ConflictException once agreed, or when they already accepted these words
     * @throws BadInputException when nothing is written yet
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public BoundaryAgreement accept(SignedInUser by, BoundaryAgreementId id) {
        BoundaryAgreement a = view(by, id).agreement();
        BoundaryAgreement accepted = a.accept(by.personId(), clock.instant());
        store.save(by.agencyId(), accepted);
        trail.written(by, a.participant(), KIND, a.id(), "boundary agreement accepted");
        if (accepted.status() == BoundaryAgreement.Status.OPEN) {
            notices.send(by.agencyId(), a.other(by.personId()), NoticeKind.AGREEMENT_TO_ACCEPT, link(a.id()));
        }
        return view(by, id).agreement();
    }

    /**
     * One of the two asks to revisit the agreement: it opens again for both, and the other is told.
     *
     * @throws NotFoundException unless the caller may read it (audited)
     * @throws ForbiddenException unless the caller is one of the two
     * @throws ConflictException unless it is agreed
     */
    @Transactional(noRollbackFor = NotFoundException.class)
    public BoundaryAgreement revisit(SignedInUser by, BoundaryAgreementId id) {
        BoundaryAgreement a = view(by, id).agreement();
        store.save(by.agencyId(), a.revisit(by.personId(), clock.instant()));
        trail.written(by, a.participant(), KIND, a.id(), "boundary agreement reopened");
        notices.send(by.agencyId(), a.other(by.personId()), NoticeKind.AGREEMENT_TO_ACCEPT, link(a.id()));
        return view(by, id).agreement();
    }

    /**
     * Whether the person is one of the two of at least one agreement, so that their pages can lead
     * them to it. Tells them nothing they may not read (their own agreements); not a read of one.
     */
    @Transactional(readOnly = true)
    public boolean partyToAny(SignedInUser person) {
        return store.partyToAny(person.agencyId(), person.personId());
    }

    /**
     * The party the reader is to the agreement, or null when none: the peer worker's supervisor reads
     * it only when their supervision had begun on or before the day the agreement started.
     */
    private @Nullable Basis partyOf(SignedInUser reader, BoundaryAgreement a) {
        if (a.party(reader.personId())) {
            return Basis.AGREEMENT_PARTY;
        }
        LocalDate started = LocalDate.ofInstant(a.createdAt(), clock.getZone());
        return supervisors.supervisedOn(reader, a.peer(), started) ? Basis.SUPERVISOR : null;
    }

    static String link(BoundaryAgreementId id) {
        return "/agreements/" + id;
    }
}
