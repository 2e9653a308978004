package io.github.genailab.core.text;

import java.util.Arrays;

/** A growable array of ints (no boxing). */
final class IntList {

    private int[] values;
    private int size;

    IntList(int capacity) {
        values = new int[Math.max(capacity, 4)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(int[] source, int length) {
        if (size + length > values.length) {
            values = Arrays.copyOf(values, Math.max(size * 2, size + length));
        }
        System.arraycopy(source, 0, values, size, length);
        size += length;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    /** The last element, or -1 when empty. */
    int last() {
        return size == 0 ? -1 : values[size - 1];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
