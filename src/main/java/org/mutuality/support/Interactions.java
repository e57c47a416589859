package org.mutuality.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.Purpose;
import org.mutuality.access.RecordKind;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.safety.Pauses;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ForbiddenException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.shared.Page;
import org.mutuality.shared.PageCursor;
import org.mutuality.support.store.InteractionStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interactions between a peer worker and a participant: the participant's support record. Only the
 * assigned peer worker writes; the participant reads all of it (transparency); whoever supervises
 * the assigned peer worker reads it for supervision; nobody else. Corrections are amendments.
 */
@Service
public class Interactions {

    private final InteractionStore store;
    private final SupportAccess access;
    private final BoundaryCheck boundaries;
    private final org.springframework.beans.factory.ObjectProvider<Pauses> pauses;
    private final Directory directory;
    private final Clock clock;

    Interactions(
            InteractionStore store,
            SupportAccess access,
            BoundaryCheck boundaries,
            org.springframework.beans.factory.ObjectProvider<Pauses> pauses,
            Directory directory,
            Clock clock) {
        this.pauses = pauses;
        this.store = store;
        this.access = access;
        this.boundaries = boundaries;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Records an interaction with a participant the peer worker is assigned to, then compares it
     * with the peer worker's own boundary plan (an invitation to reflect if it passes a limit).
     *
     * @throws ForbiddenException unless the writer is assigned to support the participant (audited)
     * @throws NotFoundException when the participant is not in the agency, or the writer may not see
     *     them (then it reads the same, and is audited)
     * @throws BadInputException when the date is in the future or over a year ago, or the next
     *     meeting is in the past; asked once the writer may write, so that bad input about someone
     *     hidden reads as a refusal, the same 404 as about someone missing
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class}) // the refusal's entry stays
    public Interaction record(SignedInUser peer, PersonId participant, RecordInteraction what) {
        directory.requirePerson(peer.agencyId(), participant);
        requireMayWrite(peer, participant, peer.refusalAbout(participant, "interaction.assignedPeerOnly"));
        return save(
                peer, Interaction.record(participant, peer.personId(), what, LocalDate.now(clock), clock.instant()));
    }

    /**
     * Corrects an interaction by adding an amendment; the original stays and is shown as replaced.
     *
     * @throws NotFoundException when the interaction is not in the agency, or is about someone the
     *     writer may not see (then it reads the same, never naming the person, and is audited)
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class})
    public Interaction amend(SignedInUser peer, InteractionId original, RecordInteraction what) {
        Interaction earlier = store.find(peer.agencyId(), original)
                .orElseThrow(() -> new NotFoundException("notFound.interaction", original));
        directory.requirePerson(peer.agencyId(), earlier.participant());
        requireMayWrite(
                peer,
                earlier.participant(),
                peer.refusalOf(
                        "notFound.interaction", original, earlier.participant(), "interaction.assignedPeerOnly"));
        return save(peer, earlier.amend(peer.personId(), what, LocalDate.now(clock), clock.instant()));
    }

    /**
     * Who may write comes before what is written: a refusal about someone hidden then reads as about
     * someone missing whatever was sent (ADR 0016).
     */
    private void requireMayWrite(SignedInUser peer, PersonId participant, RuntimeException refusal) {
        if (pauses.getIfAvailable(() -> Pauses.NONE)
                .paused(peer.agencyId(), peer.personId(), Pauses.Scope.CONTACT_WITH_PARTICIPANTS)) {
            throw new ForbiddenException("interaction.contactPaused");
        }
        access.requireWritable(peer, participant, refusal);
    }

    private Interaction save(SignedInUser peer, Interaction contact) {
        store.insert(peer.agencyId(), contact);
        access.written(
                peer,
                contact.participant(),
                RecordKind.SUPPORT_NOTES,
                contact.id().toString(),
                contact.amends() == null ? "interaction" : "amendment");
        boundaries.after(peer.agencyId(), contact);
        return contact;
    }

    /** How many contacts a page shows unless the client asks for another number. */
    public static final int PAGE = 30;

    /**
     * A page of the participant's interactions, as the reader may see them, newest first, each
     * amended one as its latest amendment (the earlier versions kept in {@link Record#history}); every
     * page is a read through the guard, audited.
     *
     * @param after where the previous page ended, or null for the newest
     * @throws ForbiddenException when the guard refuses (audited)
     * @throws NotFoundException when the participant is not in the agency, or the guard refuses a
     *     reader who may not see them at all (then it reads the same, and is audited)
     */
    @Transactional(noRollbackFor = {ForbiddenException.class, NotFoundException.class}) // the refusal's entry stays
    public Record read(SignedInUser reader, PersonId participant, @Nullable InteractionCursor after, int limit) {
        directory.requirePerson(reader.agencyId(), participant);
        Basis basis = access.basis(reader, participant, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT, null, null);
        if (basis == null) {
            throw reader.refusalAbout(participant, "support.notYourRecord");
        }
        Page<Interaction> page = store.currentPage(reader.agencyId(), participant, after, limit);
        InteractionStore.Totals totals = store.totals(reader.agencyId(), participant);
        return new Record(
                page.items(),
                store.earlierVersions(reader.agencyId(), page.items()),
                basis,
                access.mayWrite(reader, participant),
                totals.contacts(),
                totals.minutes(),
                page.next());
    }

    /**
     * One page of a participant's support record as shown: its current entries, their earlier
     * versions, the basis, and the whole record's count and minutes.
     *
     * @param next where the next page starts; null on the last
     */
    public record Record(
            List<Interaction> current,
            Map<InteractionId, List<Interaction>> history,
            Basis basis,
            boolean writable,
            int contacts,
            int minutes,
            @Nullable PageCursor next) {

        public Record {
            current = List.copyOf(current);
            history = Map.copyOf(history);
        }
    }
}
