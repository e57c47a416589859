package org.mutuality.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private @Nullable Instant lastFullSweep;
    private @Nullable Instant lastSeal;

    AuditLog(AuditStore store, Clock clock, PlatformTransactionManager transactionManager) {
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
        Verification result = readOnly.execute(status -> walk(agency));
        return result == null ? Verification.intact(0, AuditChain.GENESIS) : result;
    }

    private Verification walk(AgencyId agency) {
        // The head first: the sealer moves it in the same transaction as it adds links, so every link
        // up to the head is committed, and links added while we walk are simply not looked at yet.
        Optional<AuditStore.Head> head = store.head(agency);
        long last = head.map(AuditStore.Head::seq).orElse(Long.MAX_VALUE);
        AtomicLong expected = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(AuditChain.GENESIS);
        AtomicReference<Verification> broken = new AtomicReference<>();
        store.walk(agency, last, link -> {
            if (broken.get() != null) {
                return;
            }
            long seq = expected.get();
            if (link.seq() != seq) {
                broken.set(Verification.broken(seq - 1, seq, "entry " + seq + " is missing"));
            } else if (!link.previous().equals(previous.get())) {
                broken.set(Verification.broken(seq - 1, seq, "entry " + seq + " does not follow entry " + (seq - 1)));
            } else if (link.entry() == null) {
                broken.set(Verification.broken(seq - 1, seq, "entry " + seq + " was removed"));
            } else if (!AuditChain.hash(previous.get(), agency, seq, link.entry())
                    .equals(link.hash())) {
                broken.set(Verification.broken(seq - 1, seq, "entry " + seq + " was changed"));
            } else {
                previous.set(link.hash());
                expected.incrementAndGet();
            }
        });
        if (broken.get() != null) {
            return broken.get();
        }
        long entries = expected.get() - 1;
        if (head.isPresent()
                && (head.get().seq() != entries || !head.get().hash().equals(previous.get()))) {
            return Verification.broken(entries, entries + 1, "entries after " + entries + " were removed");
        }
        return Verification.intact(entries, previous.get());
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
