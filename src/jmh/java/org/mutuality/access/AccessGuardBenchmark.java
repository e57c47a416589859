package org.mutuality.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.mutuality.access.index.AccessIndex;
import org.mutuality.conflicts.synthetic.SyntheticAgency;
import org.mutuality.directory.PersonId;
import org.mutuality.relationships.Relationship;
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
 * One guard decision on the synthetic agency of 10,000 people and 100,000 relationships (seed
 * 2026), with consent directives for 2% of people and 200 unexpired break-the-glass grants. Half the
 * decisions are on real pairs (the two ends of a relationship), half on random pairs; kinds and
 * purposes are mixed, so every rule of the guard runs.
 */
@State(Scope.Benchmark)
public class AccessGuardBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Purpose[] PURPOSES = Purpose.values();

    @Param({"10000"})
    int people;

    @Param({"100000"})
    int relationships;

    AccessGuard guard;
    SyntheticAgency agency;
    AccessIndex index;
    PersonId[] readers;
    PersonId[] subjects;
    RecordKind[] kinds;
    Purpose[] purposes;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        agency = SyntheticAgency.generate(2026, people, relationships, TODAY);
        SplittableRandom random = new SplittableRandom(11);
        List<ConsentDirective> directives = new ArrayList<>();
        for (int i = 0; i < people / 50; i++) {
            PersonId person = randomPerson(random);
            directives.add(new ConsentDirective(
                    ConsentDirectiveId.random(), person, randomPerson(random), null, null, null, person, NOW, null));
        }
        List<BreakGlassGrant> grants = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            grants.add(new BreakGlassGrant(
                    BreakGlassGrantId.random(),
                    randomPerson(random),
                    randomPerson(random),
                    RecordKind.CARE_NOTES,
                    BreakGlassReason.OTHER,
                    "benchmark grant",
                    NOW.minusSeconds(60),
                    NOW.plus(Duration.ofMinutes(29)),
                    false,
                    null));
        }
        index = AccessIndex.build(agency.relationships(), directives, grants);
        guard = new AccessGuard(a -> index, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Relationship> all = new ArrayList<>(agency.relationships());
        int n = 4096;
        readers = new PersonId[n];
        subjects = new PersonId[n];
        kinds = new RecordKind[n];
        purposes = new Purpose[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                Relationship r = all.get(random.nextInt(all.size()));
                readers[i] = r.personA();
                subjects[i] = r.personB();
            } else {
                readers[i] = randomPerson(random);
                subjects[i] = randomPerson(random);
            }
            kinds[i] = random.nextBoolean() ? RecordKind.CARE_NOTES : RecordKind.SUPPORT_NOTES;
            purposes[i] = PURPOSES[random.nextInt(PURPOSES.length)];
        }
    }

    private PersonId randomPerson(SplittableRandom random) {
        return agency.people().get(random.nextInt(agency.people().size())).id();
    }

    /** One decision, as every read of a record asks it. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AccessDecision decide() {
        int i = next++ & (readers.length - 1);
        return guard.decide(agency.agency(), readers[i], subjects[i], kinds[i], purposes[i]);
    }

    /** Building the agency's guard index after a change (relationship, directive or grant). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AccessIndex buildIndex() {
        return AccessIndex.build(agency.relationships(), List.of(), List.of());
    }
}
