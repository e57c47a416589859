package org.mutuality.conflicts;

import java.util.Map;
import java.util.Optional;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipGuard;
import org.mutuality.relationships.RelationshipKind;
import org.springframework.stereotype.Component;

/**
 * Runs the conflict check before the register records an assignment: care (as opening the person's
 * record), supervising, approving time, supporting, interviewing. A BLOCK refuses it; a WARN or
 * CONSULT is returned so the register asks the recorder to acknowledge it.
 */
@Component
class ConflictGuard implements RelationshipGuard {

    private static final Map<RelationshipKind, Action> ACTIONS = Map.of(
            RelationshipKind.TREATS, Action.OPEN_RECORD,
            RelationshipKind.SUPERVISES, Action.SUPERVISE,
            RelationshipKind.APPROVES_TIME, Action.APPROVE_TIMESHEET,
            RelationshipKind.SUPPORTS, Action.ASSIGN_SUPPORT,
            RelationshipKind.INTERVIEWS, Action.INTERVIEW);

    private final ConflictCheck check;

    ConflictGuard(ConflictCheck check) {
        this.check = check;
    }

    @Override
    public Optional<Refusal> vet(SignedInUser by, DeclareRelationship request) {
        Action action = ACTIONS.get(request.kind());
        if (action == null) {
            return Optional.empty();
        }
        ConflictDecision decision = check.check(by, action, request.personA(), request.personB());
        if (decision.decision() == Decision.ALLOW) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(
                decision.decision().name(),
                decision.reasons().stream()
                        .filter(r -> r.decision() == decision.decision())
                        .map(ConflictDecision.Reason::explanation)
                        .toList(),
                decision.alternatives().stream()
                        .map(a -> new Alternative(a.personId(), a.name()))
                        .toList()));
    }
}
