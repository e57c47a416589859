package org.mutuality.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mutuality.access.index.AccessIndex;
import org.mutuality.access.index.AccessIndexes;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.shared.AgencyId;
import org.mutuality.shared.ForbiddenException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The one entry point every read of a person-level record asks first. Rules, in order:
 *
 * <ol>
 *   <li>a person may always read their own record;
 *   <li>care notes: whoever treats the person (their circle of care);
 *   <li>support notes: the peer worker assigned to support the person, and whoever supervises that
 *       peer worker, for supervision;
 *   <li>a consent directive of the person (the lockbox) that withholds the record from the reader or
 *       for the purpose refuses what the rules above would grant;
 *   <li>a recovery plan: the peer worker assigned to support the person, for support (a crisis plan
 *       has no such reader: only the people the person named, whom the voice module vouches for);
 *   <li>referrals: the peer worker assigned to the person; the module that keeps referrals vouches
 *       for its parties (see {@link #decide(SignedInUser, PersonId, RecordKind, Purpose, Basis)});
 *   <li>outcome questionnaires: the peer worker assigned to the person, for support; the fidelity
 *       module asks only while the person allows their peer worker to see them;
 *   <li>a reader without a basis holding an unexpired break-the-glass grant for that kind of record
 *       reads it; a lockbox stops that too, unless the grant was made for a risk of serious harm;
 *   <li>nothing else: no role, administrators included, opens a record by title alone. This is what
 *       keeps the record of a peer worker who is also a service user sealed from colleagues.
 * </ol>
 *
 * Writing (a note, an interaction, a message in the agency's name) needs a basis that a reader
 * would need, and never a break-the-glass grant: a grant lets its holder read, not write
 * ({@link #requireWritable}).
 *
 * Decisions are made on an in-memory {@link AccessIndex} and never query the database.
 */
@Service
public class AccessGuard {

    /** Why a reader without a basis is refused (a key of {@code messages.properties}). */
    static final String NO_BASIS = "access.noBasis";

    static final String WITHHELD = "access.withheld";
    static final String READ_ONLY = "access.breakGlass.readOnly";

    private final Function<AgencyId, AccessIndex> indexes;
    private final Clock clock;

    @Autowired
    AccessGuard(AccessIndexes indexes, Clock clock) {
        this(indexes::of, clock);
    }

    AccessGuard(Function<AgencyId, AccessIndex> indexes, Clock clock) {
        this.indexes = indexes;
        this.clock = clock;
    }

    public AccessDecision decide(SignedInUser reader, PersonId subject, RecordKind kind, Purpose purpose) {
        return decide(reader.agencyId(), reader.personId(), subject, kind, purpose);
    }

    /**
     * The same rules, for a reader the calling module vouches is a party to one particular record
     * (the person who made a referral, the program coordinator who handles it, the peer it was
     * offered to, the leader of a group). A party reads on that basis unless a rule above already
     * grants it; the person's lockbox still wins, as it does for every other basis.
     *
     * @param party the basis the module vouches for, such as {@link Basis#REFERRER} or {@link Basis#GROUP_LEADER};
     *     null when the reader is no party
     */
    public AccessDecision decide(
            SignedInUser reader, PersonId subject, RecordKind kind, Purpose purpose, @Nullable Basis party) {
        AccessDecision decision = decide(reader, subject, kind, purpose);
        if (decision.allowed() || party == null) {
            return decision;
        }
        if (!kind.withholdable()) {
            return new AccessDecision.Granted(party);
        }
        if (withholds(reader.agencyId(), reader.personId(), subject, kind, purpose)) {
            return new AccessDecision.Refused(WITHHELD);
        }
        return new AccessDecision.Granted(party);
    }

    /** The same rules for any reader of the agency, for the privacy lead's what-if checks. */
    public AccessDecision decide(AgencyId agency, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        if (reader.equals(subject)) {
            return new AccessDecision.Granted(Basis.SELF);
        }
        AccessIndex index = indexes.apply(agency);
        boolean withheld = kind.withholdable() && withholds(index, reader, subject, kind, purpose);
        Basis basis = basis(index, reader, subject, kind, purpose);
        if (basis != null) {
            return withheld ? new AccessDecision.Refused(WITHHELD) : new AccessDecision.Granted(basis);
        }
        Instant now = clock.instant();
        for (BreakGlassGrant grant : index.grantsOn(subject)) {
            if (grant.opens(reader, subject, kind, now)
                    && (!withheld || grant.reason().overridesLockbox())) {
                return new AccessDecision.Granted(Basis.BREAK_GLASS);
            }
        }
        return new AccessDecision.Refused(NO_BASIS);
    }

    /**
     * Who can read part of the subject's record today, and why: everyone who treats or supports them,
     * whoever supervises their peer worker, and holders of unexpired break-the-glass grants, each
     * marked when the subject's lockbox withholds that record from them. Shown to the person so they
     * know who can see their record; never null.
     */
    public List<Reader> readersOf(AgencyId agency, PersonId subject) {
        AccessIndex index = indexes.apply(agency);
        List<Reader> readers = new ArrayList<>();
        for (Relationship r : index.towards(subject)) {
            if (r.kind() == RelationshipKind.TREATS) {
                readers.add(
                        reader(index, r.personA(), subject, Basis.CIRCLE_OF_CARE, RecordKind.CARE_NOTES, Purpose.CARE));
            } else if (r.kind() == RelationshipKind.SUPPORTS) {
                readers.add(reader(
                        index, r.personA(), subject, Basis.ASSIGNMENT, RecordKind.SUPPORT_NOTES, Purpose.SUPPORT));
                for (PersonId supervisor : index.actors(RelationshipKind.SUPERVISES, r.personA())) {
                    if (!supervisor.equals(subject)) {
                        readers.add(reader(
                                index,
                                supervisor,
                                subject,
                                Basis.SUPERVISION_OF_ASSIGNED_WORKER,
                                RecordKind.SUPPORT_NOTES,
                                Purpose.SUPERVISION));
                    }
                }
            }
        }
        Instant now = clock.instant();
        for (BreakGlassGrant grant : index.grantsOn(subject)) {
            if (grant.activeAt(now)) {
                readers.add(new Reader(grant.reader(), Basis.BREAK_GLASS, grant.kind(), false));
            }
        }
        return readers;
    }

    private static Reader reader(
            AccessIndex index, PersonId reader, PersonId subject, Basis basis, RecordKind kind, Purpose purpose) {
        return new Reader(reader, basis, kind, withholds(index, reader, subject, kind, purpose));
    }

    /**
     * A person who can read part of someone's record, and why.
     *
     * @param basis {@link Basis#CIRCLE_OF_CARE}, {@link Basis#ASSIGNMENT}, {@link
     *     Basis#SUPERVISION_OF_ASSIGNED_WORKER} or {@link Basis#BREAK_GLASS}
     * @param withheld whether the person's lockbox withholds that record from them after all
     */
    public record Reader(PersonId reader, Basis basis, RecordKind kind, boolean withheld) {}

    /**
     * Refuses to let a decision stand for a write: a refusal with its reason, a break-the-glass grant
     * with "A break-the-glass grant lets you read, not write." Callers audit the refused write first;
     * a write path that needs a narrower basis (the assignment, the circle of care) checks it after
     * this.
     *
     * @return the basis, which is never {@code BREAK_GLASS}
     * @throws ForbiddenException when the decision does not let its holder write
     */
    public Basis requireWritable(AccessDecision decision) {
        if (decision instanceof AccessDecision.Granted granted) {
            if (granted.writable()) {
                return granted.basis();
            }
            throw new ForbiddenException(READ_ONLY);
        }
        throw new ForbiddenException(((AccessDecision.Refused) decision).reason());
    }

    /** The key of "A break-the-glass grant lets you read, not write.", for a refusal to throw. */
    public String readOnly() {
        return READ_ONLY;
    }

    /** Whether a consent directive of the subject withholds this record from this reader or purpose. */
    boolean withholds(AgencyId agency, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        return withholds(indexes.apply(agency), reader, subject, kind, purpose);
    }

    private static boolean withholds(
            AccessIndex index, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        for (ConsentDirective directive : index.directivesOf(subject)) {
            if (directive.withholds(reader, kind, purpose)) {
                return true;
            }
        }
        return false;
    }

    /** The relationship that gives the reader a basis, or null. */
    private static @Nullable Basis basis(
            AccessIndex index, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        if (kind == RecordKind.CARE_NOTES) {
            if (purpose == Purpose.CARE && index.acts(reader, RelationshipKind.TREATS, subject)) {
                return Basis.CIRCLE_OF_CARE;
            }
        } else if (kind == RecordKind.SUPPORT_NOTES) {
            if (purpose == Purpose.SUPPORT && index.acts(reader, RelationshipKind.SUPPORTS, subject)) {
                return Basis.ASSIGNMENT;
            }
            if (purpose == Purpose.SUPERVISION) {
                for (PersonId worker : index.actors(RelationshipKind.SUPPORTS, subject)) {
                    if (index.acts(reader, RelationshipKind.SUPERVISES, worker)) {
                        return Basis.SUPERVISION_OF_ASSIGNED_WORKER;
                    }
                }
            }
        } else if (kind == RecordKind.OUTCOMES || kind == RecordKind.RECOVERY_PLAN) {
            if (purpose == Purpose.SUPPORT && index.acts(reader, RelationshipKind.SUPPORTS, subject)) {
                return Basis.ASSIGNMENT;
            }
        } else if (kind == RecordKind.REFERRALS) {
            if ((purpose == Purpose.SUPPORT || purpose == Purpose.COORDINATION)
                    && index.acts(reader, RelationshipKind.SUPPORTS, subject)) {
                return Basis.ASSIGNMENT;
            }
        }
        return null;
    }
}
