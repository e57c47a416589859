package org.mutuality.voice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.Basis;
import org.mutuality.access.RecordKind;
import org.mutuality.access.RecordTrail;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.shared.BadInputException;
import org.mutuality.shared.ConflictException;
import org.mutuality.shared.NotFoundException;
import org.mutuality.voice.store.PlanStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's wellness and crisis plan (issue 17, part 2; ADR 0035). Who reads it, in order:
 *
 * <ol>
 *   <li>the participant, who writes it (each change a new version) and names the people it is shared
 *       with;
 *   <li>a person the newest version names, while it names them, unless the participant's lockbox
 *       withholds the plan from them; unnaming them hides it at once;
 *   <li>nobody else, whatever their role or relationship (their peer worker, administrators and the
 *       privacy lead included), and no break-the-glass grant: the plan answers exactly as a missing
 *       one, the refusal audited.
 * </ol>
 *
 * Every read asks the access guard and is audited through {@link RecordTrail}; no audit entry holds a
 * word of the plan. Methods never return null.
 */
@Service
public class CrisisPlans {

    static final String KIND = "notFound.crisisPlan";
    private static final String RECORD = "crisis plan";

    private final PlanStore store;
    private final RecordTrail trail;
    private final Directory directory;
    private final Clock clock;

    CrisisPlans(PlanStore store, RecordTrail trail, Directory directory, Clock clock) {
        this.store = store;
        this.trail = trail;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The caller's own plan, newest version (version 0 when they wrote nothing yet).
     *
     * @throws org.mutuality.shared.ForbiddenException unless the caller is a participant
     */
    @Transactional
    public CrisisPlan mine(SignedInUser user) {
        RecoveryPlans.requireParticipant(user);
        CrisisPlan plan = store.crisisPlan(user.agencyId(), user.personId());
        trail.read(user, user.personId(), RecordKind.CRISIS_PLAN, null, RECORD);
        return plan;
    }

    /** The caller's own versions older than {@code before}, newest first, at most {@code limit}. */
    @Transactional
    public List<CrisisPlan> history(SignedInUser user, int before, int limit) {
        RecoveryPlans.requireParticipant(user);
        trail.read(user, user.personId(), RecordKind.CRISIS_PLAN, null, "crisis plan versions");
        return store.crisisVersions(user.agencyId(), user.personId(), before, limit);
    }

    /**
     * Writes the next version of the caller's plan: its sections (blank ones left out) and the people
     * it is shared with, each a person of the agency other than the caller.
     *
     * @param basedOn the version the participant edited, or null for the newest
     * @throws ConflictException when a newer version was saved meanwhile
     * @throws BadInputException when a section is too long, or a person named is not of the agency
     */
    @Transactional
    public CrisisPlan writeMine(
            SignedInUser user,
            @Nullable Integer basedOn,
            Map<CrisisSection, String> sections,
            List<PersonId> sharedWith) {
        RecoveryPlans.requireParticipant(user);
        for (PersonId named : sharedWith) {
            if (directory.person(user.agencyId(), named).isEmpty()) {
                throw new BadInputException("voice.unknownPerson", named);
            }
        }
        CrisisPlan current = store.crisisPlan(user.agencyId(), user.personId());
        if (basedOn != null && basedOn != current.version()) {
            throw new ConflictException("voice.changedMeanwhile", current.version());
        }
        CrisisPlan next = current.revise(sections, sharedWith, user.personId(), clock.instant());
        if (!store.insert(user.agencyId(), next)) {
            throw new ConflictException("voice.changedMeanwhile", current.version());
        }
        trail.written(
                user,
                user.personId(),
                RecordKind.CRISIS_PLAN,
                RECORD + " v" + next.version(),
                "crisis plan written, shared with " + next.sharedWith().size());
        return next;
    }

    /**
     * The newest version of a participant's plan, for a person it names (or the participant).
     *
     * @throws NotFoundException for anyone else, exactly as for a person who does not exist (the
     *     refusal audited)
     */
    @Transactional
    public CrisisPlan sharedWith(SignedInUser reader, PersonId person) {
        if (directory.person(reader.agencyId(), person).isEmpty()) {
            throw new NotFoundException(KIND, person);
        }
        CrisisPlan plan = store.crisisPlan(reader.agencyId(), person);
        Basis party = plan.sharedWith(reader.personId()) ? Basis.SHARED_BY_PERSON : null;
        Basis basis = trail.read(reader, person, RecordKind.CRISIS_PLAN, party, RECORD);
        if (basis != Basis.SELF && basis != Basis.SHARED_BY_PERSON) {
            throw NotFoundException.hiding(KIND, person, person.value());
        }
        return plan;
    }
}
