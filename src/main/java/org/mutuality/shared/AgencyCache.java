package org.mutuality.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * An in-memory value per agency (an index, a graph) that is built on first use, rebuilt when the
 * day changes, and dropped by {@link #invalidate} once a change to what it was built from has
 * committed. A build that raced with an invalidation is returned to its caller but not kept, so the
 * next caller sees the change.
 *
 * @param <T> the cached value, immutable once built
 */
public final class AgencyCache<T> {

    private record Built<T>(LocalDate day, T value) {}

    private final Clock clock;
    private final BiFunction<AgencyId, LocalDate, T> builder;
    private final ConcurrentMap<AgencyId, Built<T>> values = new ConcurrentHashMap<>();
    private final ConcurrentMap<AgencyId, AtomicLong> generations = new ConcurrentHashMap<>();

    /**
     * @param builder builds the value of an agency for a day; called without any lock held
     */
    public AgencyCache(Clock clock, BiFunction<AgencyId, LocalDate, T> builder) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    public T get(AgencyId agency) {
        LocalDate today = LocalDate.now(clock);
        Built<T> current = values.get(agency);
        if (current != null && current.day().equals(today)) {
            return current.value();
        }
        AtomicLong generation = generations.computeIfAbsent(agency, k -> new AtomicLong());
        long before = generation.get();
        T built = builder.apply(agency, today);
        synchronized (generation) {
            if (generation.get() == before) {
                values.put(agency, new Built<>(today, built));
            }
        }
        return built;
    }

    /** Drops the agency's value; call after the change it reflects has committed. */
    public void invalidate(AgencyId agency) {
        AtomicLong generation = generations.computeIfAbsent(agency, k -> new AtomicLong());
        synchronized (generation) {
            generation.incrementAndGet();
            values.remove(agency);
        }
    }
}
