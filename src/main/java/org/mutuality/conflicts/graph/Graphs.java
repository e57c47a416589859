package org.mutuality.conflicts.graph;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mutuality.directory.Directory;
import org.mutuality.directory.PersonChanged;
import org.mutuality.relationships.RelationshipRecorded;
import org.mutuality.relationships.RelationshipRegister;
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

    private final Directory directory;
    private final RelationshipRegister register;
    private final Clock clock;
    private final ConcurrentMap<AgencyId, AgencyGraph> graphs = new ConcurrentHashMap<>();
    private final ConcurrentMap<AgencyId, AtomicLong> generations = new ConcurrentHashMap<>();

    Graphs(Directory directory, RelationshipRegister register, Clock clock) {
        this.directory = directory;
        this.register = register;
        this.clock = clock;
    }

    public AgencyGraph of(AgencyId agency) {
        LocalDate today = LocalDate.now(clock);
        AgencyGraph graph = graphs.get(agency);
        if (graph != null && graph.day().equals(today)) {
            return graph;
        }
        AtomicLong generation = generations.computeIfAbsent(agency, k -> new AtomicLong());
        long before = generation.get();
        AgencyGraph built = AgencyGraph.build(directory.everyone(agency), register.currentIn(agency), today);
        synchronized (generation) {
            if (generation.get() == before) {
                graphs.put(agency, built);
            }
        }
        return built;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RelationshipRecorded event) {
        invalidate(event.agencyId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PersonChanged event) {
        invalidate(event.agencyId());
    }

    private void invalidate(AgencyId agency) {
        AtomicLong generation = generations.computeIfAbsent(agency, k -> new AtomicLong());
        synchronized (generation) {
            generation.incrementAndGet();
            graphs.remove(agency);
        }
    }
}
