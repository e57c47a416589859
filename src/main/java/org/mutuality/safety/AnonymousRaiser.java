package org.mutuality.safety;

import java.util.Set;
import java.util.UUID;
import org.mutuality.shared.Actor;
import org.mutuality.shared.AgencyId;

/**
 * Who acts, in the audit log, when the person who raised an anonymous concern acts on it: the
 * concern's pseudonym, with no role that could narrow down who it is. The link to the person is
 * sealed in {@code concern_pseudonym} (ADR 0007).
 */
record AnonymousRaiser(AgencyId agencyId, UUID actorPersonId) implements Actor {

    static final String ROLE = org.mutuality.audit.AuditLog.ANONYMOUS_RAISER;

    @Override
    public Set<String> roleNames() {
        return Set.of(ROLE);
    }
}
