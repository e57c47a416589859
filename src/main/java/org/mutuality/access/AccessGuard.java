package org.mutuality.access;

import java.util.List;
import org.mutuality.access.store.Directives;
import org.mutuality.directory.PersonId;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyId;
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
 *   <li>nothing else: no role, administrators included, opens a record by title alone. This is what
 *       keeps the record of a peer worker who is also a service user sealed from colleagues.
 * </ol>
 */
@Service
public class AccessGuard {

    private final RelationshipRegister relationships;
    private final Directives directives;

    AccessGuard(RelationshipRegister relationships, Directives directives) {
        this.relationships = relationships;
        this.directives = directives;
    }

    public AccessDecision decide(SignedInUser reader, PersonId subject, RecordKind kind, Purpose purpose) {
        return decide(reader.agencyId(), reader.personId(), subject, kind, purpose);
    }

    /** The same rules for any reader of the agency, for the privacy lead's what-if checks. */
    public AccessDecision decide(AgencyId agency, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        if (reader.equals(subject)) {
            return new AccessDecision.Granted("SELF");
        }
        AccessDecision byRelationship = byRelationship(agency, reader, subject, kind, purpose);
        if (byRelationship.allowed()
                && directives.of(agency, subject).stream().anyMatch(d -> d.withholds(reader, kind, purpose))) {
            return new AccessDecision.Refused(
                    "This person has asked that this record be withheld from you or for this purpose.");
        }
        return byRelationship;
    }

    private AccessDecision byRelationship(
            AgencyId agency, PersonId reader, PersonId subject, RecordKind kind, Purpose purpose) {
        List<Relationship> around = relationships.currentOf(agency, subject);
        if (kind == RecordKind.CARE_NOTES) {
            if (purpose == Purpose.CARE && acts(around, RelationshipKind.TREATS, reader, subject)) {
                return new AccessDecision.Granted("CIRCLE_OF_CARE");
            }
        } else if (kind == RecordKind.SUPPORT_NOTES) {
            if (purpose == Purpose.SUPPORT && acts(around, RelationshipKind.SUPPORTS, reader, subject)) {
                return new AccessDecision.Granted("ASSIGNMENT");
            }
            if (purpose == Purpose.SUPERVISION) {
                for (Relationship support : around) {
                    if (support.kind() == RelationshipKind.SUPPORTS
                            && support.personB().equals(subject)) {
                        PersonId worker = support.personA();
                        if (acts(
                                relationships.currentOf(agency, worker), RelationshipKind.SUPERVISES, reader, worker)) {
                            return new AccessDecision.Granted("SUPERVISION_OF_ASSIGNED_WORKER");
                        }
                    }
                }
            }
        }
        return new AccessDecision.Refused(
                "You are not in this person's circle of care or assigned to them for this purpose.");
    }

    private static boolean acts(List<Relationship> around, RelationshipKind kind, PersonId actor, PersonId subject) {
        return around.stream()
                .anyMatch(r -> r.kind() == kind
                        && r.personA().equals(actor)
                        && r.personB().equals(subject));
    }
}
