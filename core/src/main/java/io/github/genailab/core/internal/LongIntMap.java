package io.github.genailab.core.internal;

import io.github.genailab.core.math.Checks;
import java.util.Arrays;

/**
 * An open-addressing hash map from non-negative {@code long} keys to non-negative {@code int} values,
 * with linear probing and no boxing: the tokenizer's pair tables and the n-gram model's context and
 * count tables. An implementation helper of {@code core}, public only so that its packages can share it.
 *
 * <p>Keys are typically two non-negative ints packed by {@link #pack(int, int)}; since keys and values
 * are non-negative, {@code -1} marks an empty slot and {@link #ABSENT} a missing value. Slots come from
 * Fibonacci hashing (the high bits of {@code key * 0x9E3779B97F4A7C15}); the table doubles when it is
 * more than half full, which keeps probe chains short, so every operation takes expected O(1) time.
 * Not thread-safe while being filled; read-only use after construction is safe when the map is
 * published through a final field.
 */
public final class LongIntMap {

    /** What {@link #get(long)}, {@link #put(long, int)} and {@link #putIfAbsent(long, int)} return for a missing key. */
    public static final int ABSENT = -1;

    private static final long EMPTY = -1L;
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private int shift;

    /**
     * An empty map sized so that {@code expectedSize} entries fit without growing.
     *
     * @param expectedSize the number of entries expected, &gt;= 0
     * @throws IllegalArgumentException if {@code expectedSize} is outside [0, 2^28]
     */
    public LongIntMap(int expectedSize) {
        Checks.inRange(expectedSize, 0, MAX_CAPACITY / 4, "expectedSize");
        allocate(Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1);
    }

    /**
     * Packs two non-negative ints into one key, {@code (high << 32) | low} (a negative half makes a
     * negative key, which the map rejects).
     *
     * @param high the upper half, &gt;= 0
     * @param low the lower half, &gt;= 0
     * @return the key
     */
    public static long pack(int high, int low) {
        return ((long) high << 32) | low;
    }

    /**
     * The upper half of a key made by {@link #pack(int, int)}.
     *
     * @param key the key
     * @return {@code high}
     */
    public static int high(long key) {
        return (int) (key >>> 32);
    }

    /**
     * The lower half of a key made by {@link #pack(int, int)}.
     *
     * @param key the key
     * @return {@code low}
     */
    public static int low(long key) {
        return (int) key;
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The value of a key.
     *
     * @param key the key, &gt;= 0
     * @return its value, or {@link #ABSENT}
     * @throws IllegalArgumentException if {@code key} is negative
     */
    public int get(long key) {
        int slot = find(key);
        return keys[slot] == EMPTY ? ABSENT : values[slot];
    }

    /**
     * Sets the value of a key.
     *
     * @param key the key, &gt;= 0
     * @param value the value, &gt;= 0
     * @return the previous value, or {@link #ABSENT}
     * @throws IllegalArgumentException if {@code key} or {@code value} is negative
     * @throws IllegalStateException if the table would need more than 2^30 slots
     */
    public int put(long key, int value) {
        Checks.nonNegative(value, "value");
        int slot = slotOrInsert(key, value);
        if (slot < 0) {
            return ABSENT;
        }
        int previous = values[slot];
        values[slot] = value;
        return previous;
    }

    /**
     * Stores a value for a key that has none.
     *
     * @param key the key, &gt;= 0
     * @param value the value to store if the key is missing, &gt;= 0
     * @return the key's value (unchanged) if present, else {@link #ABSENT} (and {@code value} is stored)
     * @throws IllegalArgumentException if {@code key} or {@code value} is negative
     * @throws IllegalStateException if the table would need more than 2^30 slots
     */
    public int putIfAbsent(long key, int value) {
        Checks.nonNegative(value, "value");
        int slot = slotOrInsert(key, value);
        return slot < 0 ? ABSENT : values[slot];
    }

    /**
     * Adds one to the value of a key, a missing key counting as 0.
     *
     * @param key the key, &gt;= 0
     * @return the value before the increment (0 for a new key)
     * @throws IllegalArgumentException if {@code key} is negative
     * @throws IllegalStateException if the table would need more than 2^30 slots
     */
    public int increment(long key) {
        int slot = slotOrInsert(key, 1);
        return slot < 0 ? 0 : values[slot]++;
    }

    /**
     * Calls {@code action} for every entry, in table order (which depends on the keys' hashes, not on
     * insertion order).
     *
     * @param action receives each key and value
     * @throws NullPointerException if {@code action} is null
     */
    public void forEach(Entry action) {
        Checks.notNull(action, "action");
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** Receives the entries of {@link #forEach(Entry)}. */
    @FunctionalInterface
    public interface Entry {

        /**
         * Receives one entry.
         *
         * @param key the key
         * @param value its value
         */
        void accept(long key, int value);
    }

    /** The slot holding {@code key}, or the empty slot where it belongs. */
    private int find(long key) {
        if (key < 0) {
            throw Checks.fail("key", "be >= 0", key);
        }
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The slot holding {@code key}, or -1 after storing {@code value} for it if it was missing. */
    private int slotOrInsert(long key, int value) {
        int slot = find(key);
        if (keys[slot] != EMPTY) {
            return slot;
        }
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        if (capacity > MAX_CAPACITY) {
            throw new IllegalStateException("table too large: " + capacity + " slots");
        }
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }
}
