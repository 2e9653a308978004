package io.github.genailab.llm.kernels;

/**
 * Causal scaled dot-product attention with grouped-query heads (Vaswani et al. 2017; Ainslie et al.
 * 2023) over a key/value cache.
 *
 * <p>For query head {@code h} of the row at position {@code p}:
 * {@code out_h = sum_{s <= p} softmax_s(q_h . k_{g,s} / sqrt(d)) v_{g,s}}, where the key/value head is
 * {@code g = h / (H / G)} for {@code H} query and {@code G} key/value heads: consecutive query heads
 * share one key/value head (transformers' {@code repeat_kv}), not {@code h mod G}. GPT-2 is the case
 * {@code G = H}. The softmax subtracts the row maximum and sums in double; a row always has at least
 * its own position, so no row is empty and no NaN can arise from finite inputs.
 *
 * <p>Heads are split over threads; each output element is computed by one thread in a fixed order.
 * Cost per row: {@code 4 * H * d * (p + 1)} flops.
 */
public final class Attention {

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
     * @param keys the key cache: position {@code s}, head {@code g} at {@code s * G * d + g * d}
     * @param values the value cache, same layout
     * @param start the position of the first query row
     * @param out the output: row {@code t}, head {@code h} at {@code t * H * d + h * d}
     * @param pool the threads that split the heads
     */
    public static void causal(float[] q, int rows, int qStride, int heads, int kvHeads, int headSize,
            float[] keys, float[] values, int start, float[] out, WorkerPool pool) {
        pool.forRange(heads, 1, (h0, h1) -> {
            float[] scores = new float[start + rows];
            for (int h = h0; h < h1; h++) {
                head(q, rows, qStride, h, h / (heads / kvHeads), kvHeads * headSize, headSize, keys, values,
                        start, out, heads * headSize, scores);
            }
        });
    }

    private static void head(float[] q, int rows, int qStride, int h, int g, int kvStride, int d, float[] keys,
            float[] values, int start, float[] out, int outStride, float[] scores) {
        float scale = (float) (1 / Math.sqrt(d));
        for (int t = 0; t < rows; t++) {
            int qAt = t * qStride + h * d;
            int length = start + t + 1;
            float max = Float.NEGATIVE_INFINITY;
            for (int s = 0; s < length; s++) {
                int kAt = s * kvStride + g * d;
                float dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[qAt + i] * keys[kAt + i];
                }
                float score = dot * scale;
                scores[s] = score;
                max = Math.max(max, score);
            }
            double sum = 0;
            for (int s = 0; s < length; s++) {
                float e = (float) Math.exp(scores[s] - max);
                scores[s] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            int oAt = t * outStride + h * d;
            java.util.Arrays.fill(out, oAt, oAt + d, 0f);
            for (int s = 0; s < length; s++) {
                float p = scores[s] * inv;
                int vAt = s * kvStride + g * d;
                for (int i = 0; i < d; i++) {
                    out[oAt + i] += p * values[vAt + i];
                }
            }
        }
    }
}
