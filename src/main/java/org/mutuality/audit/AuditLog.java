package org.mutuality.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.mutuality.audit.store.AuditStore;
import org.mutuality.shared.AgencyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's public API. {@link #record} appends an entry in the caller's transaction, so the
 * entry exists exactly when the act it records does. A single sealer then links committed entries
 * into the agency's hash chain, moments later, holding a lock on the chain's head so that writers
 * never wait on each other. {@link #verify} walks a chain and names the first broken link.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 5_000;

    /** How far back each sealing looks for entries of transactions that committed late. */
    static final Duration LATE_COMMITS = Duration.ofMinutes(1);

    /** How often a sealing looks at every entry, for transactions longer than {@link #LATE_COMMITS}. */
    static final Duration FULL_SWEEP = Duration.ofMinutes(10);

    private final AuditStore store;
    private final boolean relaxedReads;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private @Nullable Instant lastFullSweep;
    private @Nullable Instant lastSeal;

    AuditLog(AuditStore store, Clock clock, PlatformTransactionManager transactionManager) {
        this(store, clock, transactionManager, "synchronous");
    }

    /**
     * @param readDurability {@code synchronous} (the default): a read's entry is on disk before the
     *     read returns; {@code relaxed}: entries of reads (and only those) commit without waiting for
     *     the disk, which makes audited reads much cheaper on PostgreSQL and may lose the last
     *     fraction of a second of read entries if the database crashes
     */
    @org.springframework.beans.factory.annotation.Autowired
    AuditLog(
            AuditStore store,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @org.springframework.beans.factory.annotation.Value("${mutuality.audit.read-durability:synchronous}")
                    String readDurability) {
        if (!readDurability.equals("synchronous") && !readDurability.equals("relaxed")) {
            throw new IllegalArgumentException(
                    "mutuality.audit.read-durability must be synchronous or relaxed, was " + readDurability);
        }
        this.relaxedReads = readDurability.equals("relaxed");
        this.store = store;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Appends an entry in the current transaction (or a new one when there is none). */
    @Transactional
    public UUID record(AuditEvent event) {
        return store.insert(event, clock.instant());
    }

    /**
     * Appends the entry of a read, in a transaction that writes nothing else. With
     * {@code mutuality.audit.read-durability=relaxed} the transaction then commits without waiting for
     * the disk; otherwise this is {@link #record}.
     */
    @Transactional
    public UUID recordRead(AuditEvent event) {
        if (relaxedReads) {
            store.relaxDurabilityOfThisTransaction();
        }
        return store.insert(event, clock.instant());
    }

    /**
     * Links every committed entry not yet in a chain, agency by agency, and returns how many were
     * linked. Safe to call from several threads or nodes: each chain's head is locked while it moves.
     */
    public synchronized int seal() {
        Instant now = clock.instant();
        boolean full = lastFullSweep == null || lastFullSweep.plus(FULL_SWEEP).isBefore(now);
        Instant recentSince = lastSeal == null ? null : lastSeal.minus(LATE_COMMITS);
        int total = 0;
        for (AgencyId agency : store.agenciesRecordingSince(full ? null : recentSince)) {
            Batch batch = sealBatch(agency, full ? Instant.EPOCH : null);
            total += batch.linked();
            while (batch.linked() == BATCH) {
                // Entries come oldest first, so the next batch starts where this one ended.
                batch = sealBatch(agency, batch.through().minus(LATE_COMMITS));
                total += batch.linked();
            }
        }
        if (full) {
            lastFullSweep = now;
        }
        lastSeal = now;
        return total;
    }

    /** One sealing transaction: how many entries it linked and the latest recording time it saw. */
    private record Batch(int linked, Instant through) {}

    /** Seals up to {@link #BATCH} entries recorded since {@code from} (by default: shortly before the head). */
    private Batch sealBatch(AgencyId agency, @Nullable Instant from) {
        Batch done = transactions.execute(status -> {
            AuditStore.Head head = store.lockHead(agency, AuditChain.GENESIS);
            Instant since = from != null
                    ? from
                    : head.sealedThrough() == null
                            ? Instant.EPOCH
                            : head.sealedThrough().minus(LATE_COMMITS);
            List<AuditEntry> pending = store.pending(agency, since, BATCH);
            long seq = head.seq();
            String previous = head.hash();
            Instant now = clock.instant();
            Instant through = head.sealedThrough() == null ? Instant.EPOCH : head.sealedThrough();
            java.time.OffsetDateTime sealedAt = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
            List<Object[]> links = new java.util.ArrayList<>(pending.size());
            for (AuditEntry entry : pending) {
                seq++;
                if (entry.recordedAt().isAfter(through)) {
                    through = entry.recordedAt();
                }
                String hash = AuditChain.hash(previous, agency, seq, entry);
                links.add(new Object[] {agency.value(), seq, entry.id(), previous, hash, sealedAt});
                previous = hash;
            }
            store.linkAll(links);
            if (!pending.isEmpty()) {
                store.moveHead(agency, seq, previous, through);
            }
            Instant last =
                    pending.isEmpty() ? since : pending.get(pending.size() - 1).recordedAt();
            return new Batch(pending.size(), last);
        });
        return done == null ? new Batch(0, Instant.EPOCH) : done;
    }

    @Scheduled(fixedDelayString = "${mutuality.audit.seal-interval:500ms}", initialDelayString = "1s")
    void sealRegularly() {
        try {
            seal();
        } catch (RuntimeException e) {
            log.error("Sealing the audit log failed; it will be tried again", e);
        }
    }

    /**
     * Walks the agency's chain from the start: every link must come right after the previous one,
     * carry the previous hash, point to an existing entry whose hash matches, and the last must be
     * the head. Names the first link that does not.
     */
    public Verification verify(AgencyId agency) {
        return verify(agency, SEGMENT);
    }

    /** Links per segment when a long chain is walked in parallel segments. */
    static final int SEGMENT = 200_000;

    /**
     * Verifies the chain in segments of {@code segment} links, several at a time, each in its own
     * read-only transaction. Links up to the head are committed and never change, so segments read
     * apart still see one chain; where two segments meet is checked once both are read.
     */
    Verification verify(AgencyId agency, int segment) {
        // The head first: the sealer moves it in the same transaction as it adds links, so every link
        // up to the head is committed, and links added while we walk are simply not looked at yet.
        Optional<AuditStore.Head> head = readOnly.execute(status -> store.head(agency));
        if (head == null || head.isEmpty()) {
            Segment all = readOnly.execute(status -> walkSegment(agency, 1, Long.MAX_VALUE));
            return combine(List.of(Objects.requireNonNull(all)), null);
        }
        long last = head.get().seq();
        List<long[]> ranges = new ArrayList<>();
        for (long first = 1; first <= last; first += segment) {
            ranges.add(new long[] {first, Math.min(last, first + segment - 1)});
        }
        if (ranges.size() <= 1) {
            Segment all = readOnly.execute(status -> walkSegment(agency, 1, last));
            return combine(List.of(Objects.requireNonNull(all)), head.get());
        }
        int threads = Math.min(ranges.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Segment>> futures = new ArrayList<>();
            for (long[] range : ranges) {
                futures.add(pool.submit(() -> readOnly.execute(status -> walkSegment(agency, range[0], range[1]))));
            }
            List<Segment> segments = new ArrayList<>();
            for (Future<Segment> future : futures) {
                segments.add(Objects.requireNonNull(future.get()));
            }
            return combine(segments, head.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit verification failed to read the chain", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What one segment of the chain showed: how many links in a row from {@code first}, the previous
     * hash its first link names, its last hash, and the first problem inside it (its first link's
     * previous hash is checked by {@link #combine}, which knows the segment before).
     */
    private record Segment(
            long first,
            long last,
            long count,
            @Nullable String firstPrevious,
            @Nullable String lastHash,
            @Nullable Long brokenSeq,
            @Nullable String problem) {}

    private Segment walkSegment(AgencyId agency, long first, long last) {
        long[] expected = {first};
        String[] previous = {null};
        String[] firstPrevious = {null};
        Object[] broken = {null, null};
        store.walk(agency, first, last, link -> {
            if (broken[0] != null) {
                return;
            }
            long seq = expected[0];
            if (link.seq() != seq) {
                broken[0] = seq;
                broken[1] = "entry " + seq + " is missing";
            } else if (previous[0] != null && !link.previous().equals(previous[0])) {
                broken[0] = seq;
                broken[1] = "entry " + seq + " does not follow entry " + (seq - 1);
            } else if (link.entry() == null) {
                broken[0] = seq;
                broken[1] = "entry " + seq + " was removed";
            } else if (!AuditChain.hash(link.previous(), agency, seq, link.entry())
                    .equals(link.hash())) {
                broken[0] = seq;
                broken[1] = "entry " + seq + " was changed";
            } else {
                if (firstPrevious[0] == null) {
                    firstPrevious[0] = link.previous();
                }
                previous[0] = link.hash();
                expected[0]++;
            }
        });
        return new Segment(
                first, last, expected[0] - first, firstPrevious[0], previous[0], (Long) broken[0], (String) broken[1]);
    }

    private static Verification combine(List<Segment> segments, AuditStore.@Nullable Head head) {
        String previous = AuditChain.GENESIS;
        long verified = 0;
        for (Segment segment : segments) {
            if (segment.firstPrevious() != null && !segment.firstPrevious().equals(previous)) {
                long seq = segment.first();
                return Verification.broken(seq - 1, seq, "entry " + seq + " does not follow entry " + (seq - 1));
            }
            if (segment.brokenSeq() != null) {
                long seq = segment.brokenSeq();
                return Verification.broken(seq - 1, seq, Objects.requireNonNull(segment.problem()));
            }
            if (segment.count() > 0) {
                previous = Objects.requireNonNull(segment.lastHash());
            }
            verified += segment.count();
            if (head != null && segment.count() < segment.last() - segment.first() + 1) {
                long seq = segment.first() + segment.count();
                return Verification.broken(seq - 1, seq, "entries after " + (seq - 1) + " were removed");
            }
        }
        if (head != null && (head.seq() != verified || !head.hash().equals(previous))) {
            return Verification.broken(verified, verified + 1, "entries after " + verified + " were removed");
        }
        return Verification.intact(verified, previous);
    }

    /** Every agency with an audit chain. */
    public List<AgencyId> agencies() {
        return store.agencies();
    }

    /** The agency's current head: the number of sealed entries and the last hash. */
    public Head head(AgencyId agency) {
        return store.head(agency).map(h -> new Head(h.seq(), h.hash())).orElse(new Head(0, AuditChain.GENESIS));
    }

    /** Every entry about a person's record, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<AuditEntry> about(AgencyId agency, UUID person, int limit) {
        return store.about(agency, person, limit);
    }

    /** Entries matching the filters that are given, newest first (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(
            AgencyId agency,
            @Nullable UUID actor,
            @Nullable UUID subject,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            int limit) {
        return store.search(agency, actor, subject, action, from, to, limit);
    }

    /** How long the oldest entry has waited to be sealed; zero when none waits. */
    public Duration oldestUnsealed() {
        Instant now = clock.instant();
        return store.oldestPending(now.minus(FULL_SWEEP))
                .map(t -> Duration.between(t, now))
                .orElse(Duration.ZERO);
    }

    /** The end of a chain: how many entries it holds and the hash of the last. */
    public record Head(long entries, String hash) {}
}
