package org.mutuality.conflicts;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mutuality.directory.SignedInUser;
import org.mutuality.relationships.DeclareRelationship;
import org.mutuality.relationships.RelationshipGuard;
import org.mutuality.relationships.RelationshipId;
import org.mutuality.relationships.RelationshipKind;
import org.mutuality.shared.ConflictException;
import org.springframework.stereotype.Component;

/**
 * Runs the conflict check before the register records an assignment: care (as opening the person's
 * record), supervising, approving time, supporting, interviewing. A BLOCK refuses it; a WARN or
 * CONSULT is returned so the register asks the recorder to acknowledge it, or to bring a consultation
 * about exactly that action ({@link Clearances}).
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
    private final Clearances clearances;

    ConflictGuard(ConflictCheck check, Clearances clearances) {
        this.check = check;
        this.clearances = clearances;
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
                        .toList(),
                new About(action.name(), request.personA(), request.personB())));
    }

    /** Uses the consultation for the action this kind of relationship is; a personal one is none. */
    @Override
    public boolean consult(SignedInUser by, DeclareRelationship request, UUID consultation, RelationshipId recordedAs) {
        Action action = ACTIONS.get(request.kind());
        if (action == null) {
            throw new ConflictException("consultation.aboutSomethingElse");
        }
        clearances.resolve(
                by,
                false,
                consultation,
                action,
                request.personA(),
                request.personB(),
                new ConsultationClearance.Used(ConsultationClearance.Used.Kind.RELATIONSHIP, recordedAs.value()));
        return true;
    }
}
