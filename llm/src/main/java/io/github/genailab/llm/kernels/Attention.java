package io.github.genailab.llm.kernels;

import java.util.Arrays;

/**
 * Causal scaled dot-product attention with grouped-query heads (Vaswani et al. 2017; Ainslie et al.
 * 2023) over a key/value cache.
 *
 * <p>For query head {@code h} of the row at position {@code p}:
 * {@code out_h = sum_{s <= p} softmax_s(q_h . k_{g,s} / sqrt(d)) v_{g,s}}, where the key/value head is
 * {@code g = h / (H / G)} for {@code H} query and {@code G} key/value heads: consecutive query heads
 * share one key/value head (transformers' {@code repeat_kv}), not {@code h mod G}. GPT-2 is the case
 * {@code G = H}.
 *
 * <p>Per head, both products go through {@link MatMul}'s kernel: the scores {@code Q_h K_g^T} of all
 * new rows against all {@code start + rows} cached positions (the keys are cached transposed, so
 * {@code K_g^T} is a block of contiguous rows), then {@code P V_g}. Row {@code t} only uses positions
 * up to {@code start + t}: its softmax (maximum subtracted, sum in double) covers those, and the later
 * probabilities are exact zeros, which add nothing to {@code P V_g}; so a row computed in a batch and
 * the same row computed alone by a decoding step give the same bits. A row always has its own position,
 * so no row is empty and no NaN arises from finite inputs.
 *
 * <p>Long prompts are processed 256 query rows at a time (a row's result does not depend on the rows
 * beside it), so the scratch memory stays linear in the context length. Heads are split over
 * threads; each output element is computed by one thread in a fixed order.
 * Cost per row: {@code 4 * H * d * (start + rows)} flops.
 *
 * @since 0.1.0
 */
public final class Attention {

    /** Query rows per pass: bounds the scratch to {@code 256 x (start + rows)} scores per thread. */
    private static final int QUERY_CHUNK = 256;

    private Attention() {
    }

    /**
     * Attends {@code rows} new positions {@code start, ..., start + rows - 1} to the cache, whose
     * first {@code start + rows} positions must already hold the keys and values of these rows too.
     *
     * @param q the queries: row {@code t}, head {@code h} at {@code t * qStride + h * d}
     * @param rows the number of query rows
     * @param qStride the width of a query row
     * @param heads the number of query heads {@code H}
     * @param kvHeads the number of key/value heads {@code G}, dividing {@code H}
     * @param headSize the head size {@code d}
     * @param keys the transposed key cache: feature {@code g * d + i} of position {@code s} at
     *     {@code (g * d + i) * capacity + s}
     * @param capacity the row stride of {@code keys}
     * @param values the value cache: position {@code s}, head {@code g} at {@code s * G * d + g * d}
     * @param start the position of the first query row
     * @param out the output: row {@code t}, head {@code h} at {@code t * H * d + h * d}
     * @param pool the threads that split the heads
     */
    public static void causal(float[] q, int rows, int qStride, int heads, int kvHeads, int headSize,
            float[] keys, int capacity, float[] values, int start, float[] out, WorkerPool pool) {
        int d = headSize;
        int context = start + rows;
        int kvWidth = kvHeads * d;
        float scale = (float) (1 / Math.sqrt(d));
        MatMulKernel kernel = MatMul.kernel();
        pool.forRange(heads, 1, (h0, h1) -> {
            int chunk = Math.min(rows, QUERY_CHUNK);
            float[] query = new float[chunk * d];
            float[] scores = new float[chunk * capacity];
            float[] probabilities = new float[chunk * context];
            float[] mixed = new float[chunk * kvWidth];
            for (int h = h0; h < h1; h++) {
                int g = h / (heads / kvHeads);
                for (int t0 = 0; t0 < rows; t0 += QUERY_CHUNK) {
                    int n = Math.min(QUERY_CHUNK, rows - t0);
                    int visible = start + t0 + n;
                    for (int t = 0; t < n; t++) {
                        System.arraycopy(q, (t0 + t) * qStride + h * d, query, t * d, d);
                    }
                    kernel.columns(query, n, d, keys, g * d * capacity, capacity, null, scores, 0, visible);
                    for (int t = 0; t < n; t++) {
                        softmax(scores, t * capacity, start + t0 + t + 1, scale, probabilities, t * visible, visible);
                    }
                    kernel.columns(probabilities, n, visible, values, 0, kvWidth, null, mixed, g * d, g * d + d);
                    for (int t = 0; t < n; t++) {
                        System.arraycopy(mixed, t * kvWidth + g * d, out, (t0 + t) * heads * d + h * d, d);
                    }
                }
            }
        });
    }

    /** Softmax of {@code scale * scores[at, at + length)} into {@code p[pAt, ...)}, zeros up to {@code width}. */
    private static void softmax(float[] scores, int at, int length, float scale, float[] p, int pAt, int width) {
        float max = Float.NEGATIVE_INFINITY;
        for (int s = 0; s < length; s++) {
            max = Math.max(max, scores[at + s] * scale);
        }
        double sum = 0;
        for (int s = 0; s < length; s++) {
            float e = (float) Math.exp(scores[at + s] * scale - max);
            p[pAt + s] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int s = 0; s < length; s++) {
            p[pAt + s] *= inv;
        }
        Arrays.fill(p, pAt + length, pAt + width, 0f);
    }
}
