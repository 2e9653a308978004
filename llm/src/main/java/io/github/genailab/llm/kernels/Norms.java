package io.github.genailab.llm.kernels;

/**
 * Row normalisations of the residual stream, each row of width {@code n} on its own; statistics are
 * accumulated in double, outputs are float.
 *
 * <ul>
 *   <li>LayerNorm (GPT-2): {@code y = (x - mean) / sqrt(var + eps) * g + b}, with the biased
 *       variance {@code var = mean((x - mean)^2)} as {@code torch.nn.LayerNorm}.</li>
 *   <li>RMSNorm (Llama, Qwen2; Zhang and Sennrich 2019): {@code y = x / sqrt(mean(x^2) + eps) * g},
 *       no mean subtraction and no bias, as transformers' {@code LlamaRMSNorm}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class Norms {

    private Norms() {
    }

    /**
     * LayerNorm of every row.
     *
     * @param x the input, {@code rows x n}
     * @param rows the number of rows
     * @param n the row width
     * @param gain the scale {@code g} of length {@code n}
     * @param bias the shift {@code b} of length {@code n}
     * @param eps the epsilon added to the variance
     * @param y the output, {@code rows x n} (may not alias {@code x})
     */
    public static void layerNorm(float[] x, int rows, int n, float[] gain, float[] bias, double eps, float[] y) {
        for (int r = 0; r < rows; r++) {
            int at = r * n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[at + i];
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = x[at + i] - mean;
                squares += d * d;
            }
            double inv = 1.0 / Math.sqrt(squares / n + eps);
            for (int i = 0; i < n; i++) {
                y[at + i] = (float) ((x[at + i] - mean) * inv * gain[i] + bias[i]);
            }
        }
    }

    /**
     * RMSNorm of every row.
     *
     * @param x the input, {@code rows x n}
     * @param rows the number of rows
     * @param n the row width
     * @param gain the scale {@code g} of length {@code n}
     * @param eps the epsilon added to the mean square
     * @param y the output, {@code rows x n} (may not alias {@code x})
     */
    public static void rmsNorm(float[] x, int rows, int n, float[] gain, double eps, float[] y) {
        for (int r = 0; r < rows; r++) {
            int at = r * n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double v = x[at + i];
                squares += v * v;
            }
            double inv = 1.0 / Math.sqrt(squares / n + eps);
            for (int i = 0; i < n; i++) {
                y[at + i] = (float) (x[at + i] * inv * gain[i]);
            }
        }
    }
}
