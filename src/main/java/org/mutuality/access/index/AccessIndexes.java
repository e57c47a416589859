package org.mutuality.access.index;

import java.time.Clock;
import org.mutuality.access.AccessChanged;
import org.mutuality.access.store.Directives;
import org.mutuality.access.store.Grants;
import org.mutuality.relationships.RelationshipRecorded;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyCache;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each agency's {@link AccessIndex}: built on first use, rebuilt when the day changes, dropped after
 * a relationship, a consent directive or a break-the-glass grant of that agency commits.
 */
@Component
public class AccessIndexes {

    private final AgencyCache<AccessIndex> indexes;

    AccessIndexes(RelationshipRegister relationships, Directives directives, Grants grants, Clock clock) {
        this.indexes = new AgencyCache<>(
                clock,
                (agency, day) -> AccessIndex.build(
                        relationships.currentIn(agency),
                        directives.activeIn(agency),
                        grants.unexpired(agency, clock.instant())));
    }

    public AccessIndex of(AgencyId agency) {
        return indexes.get(agency);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RelationshipRecorded event) {
        indexes.invalidate(event.agencyId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccessChanged event) {
        indexes.invalidate(event.agencyId());
    }
}
