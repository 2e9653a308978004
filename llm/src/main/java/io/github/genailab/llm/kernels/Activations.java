package io.github.genailab.llm.kernels;

/**
 * The MLP non-linearities, in place, never producing NaN from finite input.
 *
 * <ul>
 *   <li>GPT-2's {@code gelu_new}: the tanh approximation of GELU (Hendrycks and Gimpel 2016),
 *       {@code gelu(x) = 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))}. Not the exact erf GELU
 *       of {@code torch.nn.GELU()}: ports that use erf drift by up to about 1e-3 per activation.</li>
 *   <li>SwiGLU (Shazeer 2020; Llama, Qwen2): {@code silu(gate) * up} with
 *       {@code silu(x) = x / (1 + exp(-x))}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private Activations() {
    }

    /**
     * Applies tanh-GELU to {@code x[from, to)} in place.
     *
     * @param x the values
     * @param from the first index
     * @param to one past the last index
     */
    public static void geluTanh(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            double v = x[i];
            double u = SQRT_2_OVER_PI * (v + 0.044715 * v * v * v);
            // tanh(u) = 1 - 2 / (exp(2u) + 1): exp saturates to 0 or Infinity, never NaN
            double tanh = 1 - 2 / (Math.exp(2 * u) + 1);
            x[i] = (float) (0.5 * v * (1 + tanh));
        }
    }

    /**
     * Computes {@code out[o + i] = silu(x[g + i]) * x[u + i]} for {@code i < n}: one row of SwiGLU
     * from a fused {@code [gate | up]} projection.
     *
     * @param x the fused projection
     * @param gateAt where the gate values start
     * @param upAt where the up values start
     * @param out the result (must not overlap the inputs)
     * @param outAt where the result starts
     * @param n the number of values
     */
    public static void swiGlu(float[] x, int gateAt, int upAt, float[] out, int outAt, int n) {
        for (int i = 0; i < n; i++) {
            double g = x[gateAt + i];
            out[outAt + i] = (float) (g / (1 + Math.exp(-g)) * x[upAt + i]);
        }
    }
}
