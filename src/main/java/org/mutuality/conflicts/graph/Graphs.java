package org.mutuality.conflicts.graph;

import java.time.Clock;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonChanged;
import org.mutuality.relationships.RelationshipRecorded;
import org.mutuality.relationships.RelationshipRegister;
import org.mutuality.shared.AgencyCache;
import org.mutuality.shared.AgencyId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Holds each agency's {@link AgencyGraph}. A graph is built on first use, rebuilt when the day
 * changes, and dropped after a change to a person or a relationship of that agency commits, so the
 * next check sees it. A build that raced with a change is not kept.
 */
@Component
public class Graphs {

    private final AgencyCache<AgencyGraph> graphs;

    Graphs(Directory directory, RelationshipRegister register, Clock clock) {
        this.graphs = new AgencyCache<>(
                clock, (agency, day) -> AgencyGraph.build(directory.everyone(agency), register.currentIn(agency), day));
    }

    public AgencyGraph of(AgencyId agency) {
        return graphs.get(agency);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RelationshipRecorded event) {
        graphs.invalidate(event.agencyId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonChanged event) {
        graphs.invalidate(event.agencyId());
    }
}
