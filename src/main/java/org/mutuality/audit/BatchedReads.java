package org.mutuality.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mutuality.audit.store.AuditStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entries of reads in {@code mutuality.audit.read-durability=batched}: a read hands its entry
 * to this queue and goes on; one writer thread inserts what waits, many entries per statement and
 * one commit per batch, at least every {@code interval}. An entry is never dropped: a batch that
 * fails stays at the head of the queue and is tried again, and when the queue is full a read waits
 * for room and, if none comes, fails rather than go unrecorded. Stopping the application writes
 * everything that waits before the database closes.
 */
final class BatchedReads implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchedReads.class);

    /** Entries per insert statement, and per batch at most this many statements. */
    static final int ROWS_PER_STATEMENT = 100;

    private static final int MAX_BATCH = 20 * ROWS_PER_STATEMENT;

    /** How long a read waits for room in a full queue before it fails. */
    private static final Duration FULL_WAIT = Duration.ofSeconds(5);

    private final AuditStore store;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final BlockingQueue<AuditStore.NewEntry> waiting;
    private final List<AuditStore.NewEntry> batch = new ArrayList<>(MAX_BATCH);
    private final Thread writer;
    private final Object written = new Object();
    private volatile boolean stopping;
    private volatile boolean failing;
    private long writtenCount;
    private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong();

    BatchedReads(AuditStore store, TransactionTemplate transactions, Duration interval, int capacity) {
        this.store = store;
        this.transactions = transactions;
        this.interval = interval;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, "audit-read-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the entry of a read; waits for room when the queue is full, and fails if none comes. */
    UUID add(AuditEvent event, Instant at) {
        if (stopping) {
            throw new IllegalStateException("the audit log is stopping; the read is refused");
        }
        AuditStore.NewEntry entry = new AuditStore.NewEntry(UUID.randomUUID(), event, at);
        long deadline = System.nanoTime() + FULL_WAIT.toNanos();
        while (!offer(entry)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the audit log cannot keep up (" + waiting.size() + " read entries wait); the read is refused");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording a read; the read is refused", e);
            }
        }
        return entry.id();
    }

    /**
     * Queues and counts the entry as one step, so that {@link #flush} never counts an entry queued
     * after one it does not count (entries are written in queue order).
     */
    private boolean offer(AuditStore.NewEntry entry) {
        synchronized (queued) {
            if (!waiting.offer(entry)) {
                return false;
            }
            queued.incrementAndGet();
            return true;
        }
    }

    /** How many entries wait to be written. */
    int waiting() {
        return waiting.size() + batchSize();
    }

    private int batchSize() {
        synchronized (written) {
            return batch.size();
        }
    }

    /** True while the last attempt to write a batch failed. */
    boolean failing() {
        return failing;
    }

    /** Waits until every entry queued before this call is written, or the timeout passes. */
    boolean flush(Duration timeout) {
        // Entries are written in the order they were queued, so once as many were written as had been
        // queued before this call, every one of those was.
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (written) {
            while (writtenCount < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(written, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void run() {
        long backoff = interval.toMillis();
        while (true) {
            try {
                if (batchSize() == 0) {
                    AuditStore.NewEntry first = waiting.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (stopping && waiting.isEmpty()) {
                            return;
                        }
                        continue;
                    }
                    synchronized (written) {
                        batch.add(first);
                        waiting.drainTo(batch, MAX_BATCH - 1);
                    }
                }
                write();
                backoff = interval.toMillis();
                if (!stopping && waiting.size() < ROWS_PER_STATEMENT) {
                    // Let a few more reads arrive, so a batch is more than one entry.
                    Thread.sleep(interval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failing = true;
                log.error(
                        "Writing {} read entries of the audit log failed; they are kept and tried again in {} ms",
                        batchSize(),
                        backoff,
                        e);
                if (stopping) {
                    return;
                }
                sleepQuietly(backoff);
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void write() {
        List<AuditStore.NewEntry> entries;
        synchronized (written) {
            entries = List.copyOf(batch);
        }
        transactions.executeWithoutResult(status -> store.insertAll(entries, ROWS_PER_STATEMENT));
        synchronized (written) {
            batch.clear();
            failing = false;
            writtenCount += entries.size();
            written.notifyAll();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops taking entries and writes every one that waits, for at most {@code timeout}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    void close(Duration timeout) {
        stopping = true;
        try {
            writer.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = waiting();
        if (left > 0) {
            log.error("{} read entries of the audit log could not be written before the application stopped", left);
        }
    }
}
