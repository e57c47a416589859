package org.mutuality.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

    /** How far back most sealings look, for transactions that committed a moment late. */
    static final Duration RECENT_COMMITS = Duration.ofSeconds(2);

    /** How often a sealing looks back {@link #LATE_COMMITS} rather than {@link #RECENT_COMMITS}. */
    static final Duration LATE_SWEEP = Duration.ofSeconds(5);

    /** How often a sealing looks at every entry, for transactions longer than {@link #LATE_COMMITS}. */
    static final Duration FULL_SWEEP = Duration.ofMinutes(10);

    private final AuditStore store;
    private final AuditTree tree;
    private final boolean relaxedReads;
    private final @Nullable BatchedReads batchedReads;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private @Nullable Instant lastFullSweep;
    private @Nullable Instant lastLateSweep;
    private @Nullable Instant lastSeal;

    AuditLog(AuditStore store, AuditTree tree, Clock clock, PlatformTransactionManager transactionManager) {
        this(store, tree, clock, transactionManager, "synchronous", Duration.ofMillis(50), 50_000);
    }

    /**
     * A setting out of range is a configuration error: the application does not start
     * ({@link IllegalStateException}).
     *
     * @param readDurability {@code synchronous} (the default): a read's entry is on disk before the
     *     read returns; {@code relaxed}: entries of reads (and only those) commit without waiting for
     *     the disk, which makes audited reads much cheaper on PostgreSQL and may lose the last
     *     fraction of a second of read entries if the database crashes; {@code batched}: a read
     *     queues its entry and goes on, and one writer inserts the queued entries in batches at least
     *     every {@code batchInterval} (see {@link BatchedReads}); a crash of the application may lose
     *     the entries of the reads of that last interval
     * @param batchInterval in {@code batched}, the longest an entry waits before its batch is written
     * @param batchCapacity in {@code batched}, how many entries may wait before reads wait for room
     */
    @org.springframework.beans.factory.annotation.Autowired
    AuditLog(
            AuditStore store,
            AuditTree tree,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @org.springframework.beans.factory.annotation.Value("${mutuality.audit.read-durability:synchronous}")
                    String readDurability,
            @org.springframework.beans.factory.annotation.Value("${mutuality.audit.batch-interval:50ms}")
                    Duration batchInterval,
            @org.springframework.beans.factory.annotation.Value("${mutuality.audit.batch-capacity:50000}")
                    int batchCapacity) {
        if (!List.of("synchronous", "relaxed", "batched").contains(readDurability)) {
            throw new IllegalStateException(
                    "mutuality.audit.read-durability must be synchronous, relaxed or batched, was " + readDurability);
        }
        if (batchInterval.isNegative() || batchInterval.isZero() || batchInterval.toSeconds() > 10) {
            throw new IllegalStateException(
                    "mutuality.audit.batch-interval must be more than 0 and at most 10 s, was " + batchInterval);
        }
        if (batchCapacity < 100) {
            throw new IllegalStateException(
                    "mutuality.audit.batch-capacity must be at least 100, was " + batchCapacity);
        }
        this.relaxedReads = readDurability.equals("relaxed");
        this.store = store;
        this.tree = tree;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        TransactionTemplate batches = new TransactionTemplate(transactionManager);
        batches.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.batchedReads = readDurability.equals("batched")
                ? new BatchedReads(store, batches, batchInterval, batchCapacity)
                : null;
    }

    /** How many read entries wait to be written ({@code batched} only; zero otherwise). */
    public int readsWaiting() {
        return batchedReads == null ? 0 : batchedReads.waiting();
    }

    /** True while the last attempt to write batched read entries failed (they are tried again). */
    public boolean readWritesFailing() {
        return batchedReads != null && batchedReads.failing();
    }

    /**
     * Waits until the entries of every read made before this call are in the database, for at most
     * {@code timeout}; true when they are. Immediate unless reads are {@code batched}.
     */
    public boolean flushReads(Duration timeout) {
        return batchedReads == null || batchedReads.flush(timeout);
    }

    /** Writes the read entries that wait before the application (and its database) stops. */
    @jakarta.annotation.PreDestroy
    void stop() {
        if (batchedReads != null) {
            batchedReads.close();
        }
    }

    /** Appends an entry in the current transaction (or a new one when there is none). */
    @Transactional
    public UUID record(AuditEvent event) {
        noteRefusal(event, false);
        return store.insert(event, clock.instant());
    }

    /** The request attribute that says this request's refusal already has its entry. */
    private static final String REFUSAL_RECORDED = AuditLog.class.getName() + ".refusalRecorded";

    /**
     * Whether a module has already recorded a refusal while serving the current web request, so
     * that the web layer, which records every refused request that no module recorded, does not
     * write a second entry for it. False outside a web request.
     */
    public static boolean refusalRecordedInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(REFUSAL_RECORDED, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /**
     * Marks the current web request once its refusal entry is sure to stay: at once when there is
     * no transaction to undo it (or the entry is queued), otherwise only when the transaction
     * commits. A module that records a refusal and then throws from the same transaction loses the
     * entry in the rollback; the request then stays unmarked, so the web layer records it instead.
     */
    private static void noteRefusal(AuditEvent event, boolean queued) {
        if (event.outcome() != AuditOutcome.DENIED) {
            return;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        if (queued || !TransactionSynchronizationManager.isSynchronizationActive()) {
            request.setAttribute(REFUSAL_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    request.setAttribute(REFUSAL_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
                }
            }
        });
    }

    /**
     * Appends the entry of a read (allowed or refused), in a transaction that writes nothing else.
     * With {@code mutuality.audit.read-durability=relaxed} the transaction then commits without
     * waiting for the disk; with {@code batched} the entry is queued and written moments later, even
     * if the reader's transaction rolls back; otherwise this is {@link #record}.
     */
    @Transactional
    public UUID recordRead(AuditEvent event) {
        noteRefusal(event, batchedReads != null);
        if (batchedReads != null) {
            return batchedReads.add(event, clock.instant());
        }
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
        // Most sealings look back a moment; every few seconds one looks back a minute. Looking back a
        // minute every time made each sealing re-read every entry of that minute, which under heavy
        // reading cost more than writing the entries.
        boolean lateSweep =
                lastLateSweep == null || lastLateSweep.plus(LATE_SWEEP).isBefore(now);
        Duration lookBack = full || lateSweep ? LATE_COMMITS : RECENT_COMMITS;
        Instant recentSince = lastSeal == null ? null : lastSeal.minus(lookBack);
        int total = 0;
        for (AgencyId agency : store.agenciesRecordingSince(full ? null : recentSince)) {
            try {
                Batch batch = sealBatch(agency, full ? Instant.EPOCH : null, lookBack);
                total += batch.linked();
                while (batch.linked() == BATCH || batch.treeBehind()) {
                    // Entries come oldest first, so the next batch starts where this one ended; a
                    // tree that lags its chain (sealed before there was a tree) catches up first.
                    Instant next = batch.linked() == BATCH ? batch.through().minus(lookBack) : null;
                    batch = sealBatch(agency, next, lookBack);
                    total += batch.linked();
                }
            } catch (RuntimeException e) {
                // One agency's chain that cannot move must not stop the others'.
                log.error("Sealing the audit chain of agency {} failed; it will be tried again", agency.value(), e);
            }
        }
        if (full) {
            lastFullSweep = now;
        }
        if (full || lateSweep) {
            lastLateSweep = now;
        }
        lastSeal = now;
        return total;
    }

    /**
     * One sealing transaction: how many entries it linked, the latest recording time it saw, and
     * whether the agency's tree still lags its chain.
     */
    private record Batch(int linked, Instant through, boolean treeBehind) {}

    /** Seals up to {@link #BATCH} entries recorded since {@code from} (by default: shortly before the head). */
    private Batch sealBatch(AgencyId agency, @Nullable Instant from, Duration lookBack) {
        Batch done = transactions.execute(status -> {
            AuditStore.Head head = store.lockHead(agency, AuditChain.GENESIS);
            long treeSize = tree.catchUp(agency, head.treeSize(), head.seq());
            Instant since = from != null
                    ? from
                    : head.sealedThrough() == null
                            ? Instant.EPOCH
                            : head.sealedThrough().minus(lookBack);
            List<AuditEntry> pending = store.pending(agency, since, BATCH);
            long seq = head.seq();
            String previous = head.hash();
            Instant now = clock.instant();
            Instant through = head.sealedThrough() == null ? Instant.EPOCH : head.sealedThrough();
            java.time.OffsetDateTime sealedAt = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
            List<Object[]> links = new java.util.ArrayList<>(pending.size());
            List<AuditEntry> linked = new java.util.ArrayList<>(pending.size());
            for (AuditEntry entry : pending) {
                seq++;
                linked.add(entry.sealedAs(seq));
                if (entry.recordedAt().isAfter(through)) {
                    through = entry.recordedAt();
                }
                String hash = AuditChain.hash(previous, agency, seq, entry);
                links.add(new Object[] {agency.value(), seq, entry.id(), previous, hash, sealedAt});
                previous = hash;
            }
            store.linkAll(links);
            if (treeSize == head.seq()) {
                // The tree holds the whole chain so far: the entries just linked are its next leaves.
                treeSize = tree.append(agency, treeSize, linked);
            }
            if (!pending.isEmpty() || treeSize != head.treeSize()) {
                store.moveHead(agency, seq, previous, through, treeSize);
            }
            Instant last =
                    pending.isEmpty() ? since : pending.get(pending.size() - 1).recordedAt();
            return new Batch(pending.size(), last, treeSize < seq);
        });
        return done == null ? new Batch(0, Instant.EPOCH, false) : done;
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
     * carry the previous hash, point to an existing entry of the agency whose hash matches, and the
     * last must be the head. Names the first link that does not. The agency's Merkle tree, rebuilt
     * from the same entries, must have the root its stored nodes give.
     */
    public Verification verify(AgencyId agency) {
        return verify(agency, PASS);
    }

    /** The most links verified in one pass (about 75 MB of memory while it runs). */
    static final int PASS = 1_000_000;

    /**
     * Verifies the chain in passes of at most {@code passSize} links (see {@link ChainPass}), in one
     * read-only transaction. The head is read first: the sealer moves it in the same transaction as
     * it adds links, so every link up to it is committed and never changes, and links added while we
     * walk are simply not looked at yet.
     */
    Verification verify(AgencyId agency, int passSize) {
        Verification result = readOnly.execute(status -> {
            Optional<AuditStore.Head> found = store.head(agency);
            if (found.isEmpty()) {
                return store.hasLinks(agency, 1, Long.MAX_VALUE)
                        ? Verification.broken(0, 1, "the head of the chain was removed")
                        : Verification.intact(0, AuditChain.GENESIS);
            }
            AuditStore.Head head = found.get();
            String previous = AuditChain.GENESIS;
            long verified = 0;
            MerkleTree.Fold leaves = new MerkleTree.Fold();
            for (long first = 1; first <= head.seq(); first += passSize) {
                long last = Math.min(head.seq(), first + passSize - 1);
                ChainPass pass = readPass(agency, first, last, previous);
                Verification broken = pass.firstBreak();
                if (broken != null) {
                    return broken;
                }
                verified += pass.kept();
                pass.foldLeaves(leaves, head.treeSize());
                previous = pass.lastHash();
                if (pass.kept() < last - first + 1) {
                    long missing = first + pass.kept();
                    if (store.hasLinks(agency, missing + 1, head.seq())) {
                        return Verification.broken(missing - 1, missing, "entry " + missing + " is missing");
                    }
                    break;
                }
            }
            if (head.seq() != verified || !head.hash().equals(previous)) {
                return Verification.broken(verified, verified + 1, "entries after " + verified + " were removed");
            }
            if (leaves.size() != head.treeSize()) {
                return Verification.broken(verified, leaves.size() + 1, "the tree holds more entries than the chain");
            }
            String treeProblem = tree.mismatch(agency, leaves);
            if (treeProblem != null) {
                return Verification.broken(verified, head.treeSize(), treeProblem);
            }
            return Verification.intact(verified, previous);
        });
        return Objects.requireNonNull(result);
    }

    /** Where the entries are split in two halves read at once (any value splits them; ids are random). */
    private static final UUID HALF = new UUID(0x8000_0000_0000_0000L, 0);

    /**
     * Reads a pass: its links in order, then the agency's entries in two halves at once, each on its
     * own connection (entries and links up to the head never change, so they may be read apart).
     */
    private ChainPass readPass(AgencyId agency, long first, long last, String previous) {
        ChainPass pass = new ChainPass(agency, first, previous, (int) (last - first + 1));
        store.links(agency, first, last, link -> pass.link(link.seq(), link.previous(), link.hash(), link.entryId()));
        if (pass.kept() == 0) {
            return pass;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> halves = List.of(
                    pool.submit(() ->
                            readOnly.executeWithoutResult(status -> store.entries(agency, null, HALF, pass::entry))),
                    pool.submit(() ->
                            readOnly.executeWithoutResult(status -> store.entries(agency, HALF, null, pass::entry))));
            for (Future<?> half : halves) {
                half.get();
            }
            return pass;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit verification failed to read the entries", e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
        return store.about(agency, person, null, limit);
    }

    /**
     * What a person sees of who looked at their record: the entries about them, less the acts of the
     * anonymous raiser of a concern about them. Those name no one, but their times (raised, read
     * again) would point at the few people who could have raised it.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> accessLogOf(AgencyId agency, UUID person, int limit) {
        return store.about(agency, person, ANONYMOUS_RAISER, limit).stream()
                .filter(AuditLog::shownToTheSubject)
                .toList();
    }

    /** One entry of a person's own access log, if it is one (about them and shown to them). */
    @Transactional(readOnly = true)
    public Optional<AuditEntry> accessLogEntry(AgencyId agency, UUID person, UUID entry) {
        return store.entry(agency, entry)
                .filter(e -> person.equals(e.subjectId()))
                .filter(AuditLog::shownToTheSubject);
    }

    private static boolean shownToTheSubject(AuditEntry e) {
        return e.actorRoles() == null || !e.actorRoles().contains(ANONYMOUS_RAISER);
    }

    /**
     * One page of a person's own access log: entries about them after the cursor (the newest when
     * null), newest first, without their own acts unless {@code withOwn}; an anonymous raiser's
     * acts are left out, as in {@link #accessLogOf(AgencyId, UUID, int)}.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> accessLogOf(
            AgencyId agency, UUID person, @Nullable AuditCursor before, boolean withOwn, int limit) {
        return store.about(agency, person, before, withOwn, ANONYMOUS_RAISER, limit).stream()
                .filter(AuditLog::shownToTheSubject)
                .toList();
    }

    /** The role an anonymous raiser's acts are recorded under (see the safety module). */
    public static final String ANONYMOUS_RAISER = "ANONYMOUS_RAISER";

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
        return search(agency, actor, subject, action, from, to, null, limit);
    }

    /**
     * One page of the entries matching the filters that are given: those after the cursor (the newest
     * when null), newest first, then by id, as a person's access log is paged; every filter applies
     * before the page is cut, so a page is never short while older matches remain.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(
            AgencyId agency,
            @Nullable UUID actor,
            @Nullable UUID subject,
            @Nullable String action,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable AuditCursor before,
            int limit) {
        return store.search(agency, actor, subject, action, from, to, before, limit);
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
