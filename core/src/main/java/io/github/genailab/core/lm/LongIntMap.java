package io.github.genailab.core.lm;

import java.util.Arrays;

/**
 * A small open-addressing hash map from non-negative {@code long} keys to non-negative {@code int}
 * values, with linear probing and no boxing: the n-gram model's context and count tables.
 *
 * <p>Keys are packed pairs {@code (parentId << 32) | symbol}, both non-negative, so {@code -1} is free
 * to mark an empty slot. The table doubles when it is more than half full, which keeps probe chains
 * short. Not thread-safe while being filled; {@link NGramModel} only reads it after training.
 */
final class LongIntMap {

    static final int ABSENT = -1;
    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private int shift;

    LongIntMap(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
        allocate(capacity);
    }

    static long pack(int high, int low) {
        return ((long) high << 32) | low;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@link #ABSENT}. */
    int get(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value of {@code key}; if absent, stores {@code value} and returns {@link #ABSENT}. */
    int putIfAbsent(long key, int value) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                insertAt(slot, key, value);
                return ABSENT;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds one to the value of {@code key} (absent counts as 0) and returns the value before. */
    int increment(long key) {
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot]++;
            }
            if (k == EMPTY) {
                insertAt(slot, key, 1);
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Calls {@code action} for every entry, in table order. */
    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    /** Receives one entry of {@link #forEach(Entry)}. */
    @FunctionalInterface
    interface Entry {
        void accept(long key, int value);
    }

    private void insertAt(int slot, long key, int value) {
        keys[slot] = key;
        values[slot] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private int slot(long key) {
        // Fibonacci hashing: the high bits of the product mix every input bit.
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private void allocate(int capacity) {
        if (capacity > (1 << 30)) {
            throw new IllegalStateException("n-gram table too large: " + capacity + " slots");
        }
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }
}
