package org.mutuality.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values read from the database and kept in memory until any signal of their topics says that what
 * they were read from changed, on this node or another ({@link NodeSignals}). A value is neither used
 * nor kept:
 *
 * <ul>
 *   <li>while this node may have missed another node's signal ({@link NodeSignals#reliable()});
 *   <li>in a transaction that has itself changed what the topics cover (it must see its own
 *       uncommitted change, which nobody else may see);
 *   <li>when it was read before a signal and would be kept after it (a generation counter).
 * </ul>
 *
 * Any signal drops every value: the changes these caches follow are rare. A value is also read again
 * once it is older than its maximum age, so that a change a node could not hear (a connection to the
 * database dropped without a word) outlives it by that much at most.
 *
 * @param <K> the key
 * @param <V> the value, immutable
 */
public final class KeptUntilChanged<K, V> {

    private final NodeSignals signals;
    private final int most;
    private final String[] topics;
    private final Clock clock;
    private final Duration maxAge;
    private final ConcurrentMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private long generation;

    /**
     * @param maxAge how long a value is used before it is read again, whatever the signals say
     * @param most how many values are kept at most; past it, all are dropped and read again
     * @param topics the topics whose signals drop every value
     */
    public KeptUntilChanged(NodeSignals signals, Clock clock, Duration maxAge, int most, String... topics) {
        this.signals = signals;
        this.clock = clock;
        this.maxAge = maxAge;
        this.most = most;
        this.topics = topics.clone();
        for (String topic : topics) {
            signals.subscribe(topic, payload -> forgetAll());
        }
    }

    /**
     * The value kept for the key if it is still {@code fresh}, otherwise the one {@code loader} reads
     * now, kept if nothing changed while it was read.
     */
    public Optional<V> read(K key, Predicate<V> fresh, Supplier<Optional<V>> loader) {
        boolean usable = usable();
        Instant now = clock.instant();
        if (usable) {
            Kept<V> known = kept.get(key);
            if (known != null && now.isBefore(known.readAt().plus(maxAge)) && fresh.test(known.value())) {
                return Optional.of(known.value());
            }
        }
        long before;
        synchronized (lock) {
            before = generation;
        }
        Optional<V> read = loader.get();
        if (usable && read.isPresent()) {
            synchronized (lock) {
                if (generation == before && usable()) {
                    if (kept.size() >= most) {
                        kept.clear();
                    }
                    kept.put(key, new Kept<>(read.get(), now));
                }
            }
        }
        return read;
    }

    /** The value kept for the key, read again by {@code loader} when none is kept. */
    public Optional<V> read(K key, Supplier<Optional<V>> loader) {
        return read(key, value -> true, loader);
    }

    /** Drops every value. */
    public void forgetAll() {
        synchronized (lock) {
            generation++;
            kept.clear();
        }
    }

    private record Kept<V>(V value, Instant readAt) {}

    private boolean usable() {
        return signals.reliable() && !signals.sentInThisTransaction(topics);
    }
}
