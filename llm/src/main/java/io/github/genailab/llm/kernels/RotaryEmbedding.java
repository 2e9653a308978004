package io.github.genailab.llm.kernels;

/**
 * Rotary position embeddings (Su et al. 2021) in the rotate-half convention of transformers' Llama
 * and Qwen2: for a head vector {@code v} of even size {@code d} at position {@code p}, with
 * {@code inv_freq[i] = theta^(-2i / d)} and {@code a_i = p * inv_freq[i]} for {@code i < d / 2},
 * <pre>
 *   v'[i]         = v[i] cos(a_i) - v[i + d/2] sin(a_i)
 *   v'[i + d/2]   = v[i + d/2] cos(a_i) + v[i] sin(a_i)
 * </pre>
 * i.e. {@code v * cos + rotate_half(v) * sin} with {@code rotate_half(v) = [-v[d/2:], v[:d/2]]}.
 * The pairs are (i, i + d/2), not the interleaved (2i, 2i + 1) of the original Meta code: checkpoints
 * converted to the Hugging Face layout have their q and k projection rows permuted to match, so an
 * interleaved rotation on them gives wrong logits that still look plausible. Angles are computed in
 * double (transformers uses float32, which differs by about 1e-7 relative at short lengths).
 *
 * @since 0.1.0
 */
public final class RotaryEmbedding {

    private final int headSize;
    private final double[] inverseFrequencies;

    /**
     * Prepares the frequencies.
     *
     * @param headSize the even head size {@code d}
     * @param theta the base ({@code rope_theta})
     */
    public RotaryEmbedding(int headSize, double theta) {
        this.headSize = headSize;
        int half = headSize / 2;
        inverseFrequencies = new double[half];
        for (int i = 0; i < half; i++) {
            inverseFrequencies[i] = 1.0 / Math.pow(theta, 2.0 * i / headSize);
        }
    }

    /**
     * The cosines and sines of the angles of {@code count} consecutive positions.
     *
     * @param start the first position
     * @param count the number of positions
     * @return {@code [cos, sin]}, each {@code count x d/2} row-major
     */
    public float[][] table(int start, int count) {
        int half = headSize / 2;
        float[] cos = new float[count * half];
        float[] sin = new float[count * half];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < half; i++) {
                double angle = (double) (start + t) * inverseFrequencies[i];
                cos[t * half + i] = (float) Math.cos(angle);
                sin[t * half + i] = (float) Math.sin(angle);
            }
        }
        return new float[][] {cos, sin};
    }

    /**
     * Rotates every head of every row in place.
     *
     * @param x the rows, each {@code stride} wide; the heads of row {@code t} start at
     *     {@code t * stride + offset}
     * @param rows the number of rows
     * @param stride the row width
     * @param offset where the first head starts in a row
     * @param heads the number of consecutive heads to rotate
     * @param table the table of {@link #table(int, int)} for these rows' positions
     */
    public void rotate(float[] x, int rows, int stride, int offset, int heads, float[][] table) {
        int half = headSize / 2;
        float[] cos = table[0];
        float[] sin = table[1];
        for (int t = 0; t < rows; t++) {
            for (int h = 0; h < heads; h++) {
                int at = t * stride + offset + h * headSize;
                for (int i = 0; i < half; i++) {
                    float c = cos[t * half + i];
                    float s = sin[t * half + i];
                    float a = x[at + i];
                    float b = x[at + half + i];
                    x[at + i] = a * c - b * s;
                    x[at + half + i] = b * c + a * s;
                }
            }
        }
    }
}
