package io.github.genailab.llm.architectures;

import java.util.Arrays;

/**
 * The keys and values of every position seen so far, per layer: what lets a decoder process one new
 * token without re-reading the prefix. Each position holds {@code G * d} key and {@code G * d} value
 * floats (all key/value heads, after rotary embedding for Llama and Qwen2). Keys are stored
 * transposed, feature-major ({@code keys[c * capacity + s]} for feature {@code c = g * d + i} of
 * position {@code s}), so that the scores {@code q K^T} are a matrix product with contiguous rows;
 * values position-major ({@code values[s * G * d + c]}). Storage grows by doubling up to the model's
 * number of positions.
 *
 * <p>Memory: {@code 2 * L * G * d * 4} bytes per position (GPT-2 small: 72 KiB; SmolLM2-135M: 45 KiB).
 *
 * @since 0.1.0
 */
public final class KvCache {

    private final int layers;
    private final int width;
    private final int maxPositions;
    private float[][] keys;
    private float[][] values;
    private int length;
    private int capacity;

    /**
     * An empty cache.
     *
     * @param layers the number of layers
     * @param width floats per position and layer, {@code G * d}
     * @param maxPositions the most positions the model accepts
     */
    public KvCache(int layers, int width, int maxPositions) {
        this.layers = layers;
        this.width = width;
        this.maxPositions = maxPositions;
        this.keys = new float[layers][0];
        this.values = new float[layers][0];
    }

    /**
     * The number of positions stored.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * Makes room for {@code count} more positions.
     *
     * @param count the number of new positions
     * @throws IllegalArgumentException if the sequence would exceed the model's number of positions
     * @throws IllegalStateException if the cache was released
     */
    public void reserve(int count) {
        if (keys == null) {
            throw new IllegalStateException("the key/value cache was released (session closed)");
        }
        if (count > maxPositions - length) {
            throw new IllegalArgumentException("sequence length must be <= the model's " + maxPositions
                    + " positions (n_positions / max_position_embeddings), got " + ((long) length + count));
        }
        int needed = length + count;
        if (needed > capacity) {
            int grown = (int) Math.min(maxPositions, Math.max(needed, 2L * capacity));
            for (int l = 0; l < layers; l++) {
                float[] k = new float[grown * width];
                for (int c = 0; c < width; c++) {
                    System.arraycopy(keys[l], c * capacity, k, c * grown, length);
                }
                keys[l] = k;
                values[l] = Arrays.copyOf(values[l], grown * width);
            }
            capacity = grown;
        }
    }

    /**
     * The number of positions the storage holds before it grows: the row stride of the keys.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * The key storage of one layer (feature-major: {@code keys[c * capacity() + s]}).
     *
     * @param layer the layer
     * @return the live array
     */
    public float[] keys(int layer) {
        return keys[layer];
    }

    /**
     * The value storage of one layer (position-major: {@code values[s * G * d + c]}).
     *
     * @param layer the layer
     * @return the live array
     */
    public float[] values(int layer) {
        return values[layer];
    }

    /**
     * Marks {@code count} reserved positions as filled.
     *
     * @param count the number of positions written
     */
    public void advance(int count) {
        length += count;
    }

    /** Drops the storage; further {@link #reserve(int)} calls fail. Idempotent. */
    public void release() {
        keys = null;
        values = null;
    }
}
