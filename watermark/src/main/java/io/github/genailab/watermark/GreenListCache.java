package io.github.genailab.watermark;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe least-recently-used memo of green lists keyed by the 32 seed bits the CPU generator
 * actually uses (contexts whose seeds agree in those bits share one list).
 *
 * <p>Admission is "on second sighting": the first lookup of a seed only records it (the caller then uses the
 * cheap single-token membership test), the second lookup asks the caller to build and store the full list.
 * A stream of one-off contexts therefore never pays for whole lists, while recurring contexts (frequent
 * previous tokens in natural text) become O(1) lookups. Unlike the reference's unbounded
 * {@code lru_cache(maxsize=2**32)}, memory is bounded by {@code capacity} entries.
 */
final class GreenListCache {

    private static final Object SEEN = new Object();

    private final int capacity;
    private final Map<Integer, Object> entries;

    GreenListCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Object> eldest) {
                return size() > GreenListCache.this.capacity;
            }
        };
    }

    int capacity() {
        return capacity;
    }

    /** Returns the cached list of {@code seed}, or null. */
    BitSet get(int seed) {
        if (capacity == 0) {
            return null;
        }
        synchronized (entries) {
            Object v = entries.get(seed);
            return v instanceof BitSet ? (BitSet) v : null;
        }
    }

    /**
     * Records that {@code seed} was looked up without a cached list, and tells whether it had been seen
     * before (then the full list is worth building and storing).
     */
    boolean seenBefore(int seed) {
        if (capacity == 0) {
            return false;
        }
        synchronized (entries) {
            return entries.putIfAbsent(seed, SEEN) != null;
        }
    }

    /** Stores a full list (never modified afterwards). */
    void put(int seed, BitSet green) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(seed, green);
        }
    }
}
