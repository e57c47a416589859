package org.mutuality.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mutuality.conflicts.Action;
import org.mutuality.conflicts.engine.AgencyScan;
import org.mutuality.conflicts.engine.ConflictEngine;
import org.mutuality.conflicts.graph.AgencyGraph;
import org.mutuality.conflicts.policy.Policies;
import org.mutuality.conflicts.policy.Policy;
import org.mutuality.conflicts.policy.PolicyParser;
import org.mutuality.conflicts.synthetic.SyntheticAgency;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.Relationship;
import org.mutuality.relationships.Visibility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory conflict check and the whole-agency scan on a synthetic agency of 10,000 people and
 * 100,000 relationships (seed 2026). Half the checks are on real pairings (approver and worker,
 * supervisor, peer and participant), half on random pairs of people.
 */
@State(Scope.Benchmark)
public class ConflictCheckBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Action[] ACTIONS = {Action.APPROVE_TIMESHEET, Action.SUPERVISE, Action.ASSIGN_SUPPORT, Action.INTERVIEW};

    @Param({"10000"})
    int people;

    @Param({"100000"})
    int relationships;

    AgencyGraph graph;
    Policy policy;
    SyntheticAgency agency;
    PersonId[] actors;
    PersonId[] subjects;
    Action[] actions;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        agency = SyntheticAgency.generate(2026, people, relationships, TODAY);
        graph = AgencyGraph.build(agency.people(), agency.relationships(), TODAY);
        policy = PolicyParser.parse(Policies.defaultText());
        SplittableRandom random = new SplittableRandom(7);
        List<Relationship> all = new ArrayList<>(agency.relationships());
        int n = 4096;
        actors = new PersonId[n];
        subjects = new PersonId[n];
        actions = new Action[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                Relationship r = all.get(random.nextInt(all.size()));
                actors[i] = r.personA();
                subjects[i] = r.personB();
            } else {
                actors[i] = agency.people().get(random.nextInt(people)).id();
                subjects[i] = agency.people().get(random.nextInt(people)).id();
            }
            actions[i] = ACTIONS[random.nextInt(ACTIONS.length)];
        }
    }

    /** One check, as the API runs it before alternatives: the decision and every reason. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public ConflictEngine.Evaluation check() {
        int i = next++ & (actors.length - 1);
        return ConflictEngine.evaluate(graph, policy, actions[i], actors[i], subjects[i]);
    }

    /** One check with the alternatives a refusal offers (at most 5, ranked). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<ConflictEngine.Candidate> alternatives() {
        int i = next++ & (actors.length - 1);
        return ConflictEngine.alternatives(graph, policy, actions[i], actors[i], subjects[i], 5);
    }

    /**
     * The alternatives as a caller who is not a coordinator gets them: on the agency seen through the
     * relationships they may see (their own and those visible to all staff), load recounted.
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<ConflictEngine.Candidate> alternativesOnAView() {
        int i = next++ & (actors.length - 1);
        PersonId caller = actors[i];
        AgencyGraph view = graph.seenThrough(r -> r.involves(caller) || r.visibility() == Visibility.STAFF);
        return ConflictEngine.alternatives(view, policy, actions[i], actors[i], subjects[i], 5);
    }

    /** The whole-agency scan. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<AgencyScan.Finding> scan() {
        return AgencyScan.scan(graph, policy);
    }

    /** Building the agency's in-memory graph from its people and relationships (after a change). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AgencyGraph buildGraph() {
        return AgencyGraph.build(agency.people(), agency.relationships(), TODAY);
    }
}
