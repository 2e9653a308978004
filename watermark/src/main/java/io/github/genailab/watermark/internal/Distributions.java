package io.github.genailab.watermark.internal;

import io.github.genailab.core.lm.LanguageModel;
import java.util.random.RandomGenerator;

/**
 * Next-token distributions as the families read them: {@code p = softmax(logits / temperature)}, and the
 * model's logits at every position of a text in one pass.
 */
public final class Distributions {

    private Distributions() {
    }

    /**
     * Returns {@code softmax(logits / temperature)} in double precision (max-shifted; -inf logits give 0).
     *
     * @param logits the row (not modified)
     * @param temperature {@code > 0}
     * @return a fresh probability vector
     */
    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logits) {
            max = Math.max(max, x);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int v = 0; v < p.length; v++) {
            p[v] = Math.exp((logits[v] - max) / temperature);
            sum += p[v];
        }
        for (int v = 0; v < p.length; v++) {
            p[v] /= sum;
        }
        return p;
    }

    /**
     * Returns the model's logits for every position of {@code tokens} after the first: row {@code i - 1}
     * is the distribution of {@code tokens[i]} given {@code tokens[0, i)}. One {@code forward} pass.
     *
     * @param model the model (checked by the caller)
     * @param tokens the text, length {@code >= 2}
     * @return {@code tokens.length - 1} rows of width V, as doubles
     */
    public static double[][] logitsAfterEachPrefix(LanguageModel model, int[] tokens) {
        float[][] rows = model.forward(tokens);
        double[][] out = new double[tokens.length - 1][];
        for (int i = 0; i < out.length; i++) {
            float[] row = rows[i];
            double[] d = new double[row.length];
            for (int v = 0; v < d.length; v++) {
                d[v] = row[v];
            }
            Texts.checkRow(d, model.vocabularySize());
            out[i] = d;
        }
        return out;
    }

    /**
     * Returns the point mass on {@code token}.
     *
     * @param token the token
     * @param vocabularySize V
     * @return a one-hot vector
     */
    public static double[] pointMass(int token, int vocabularySize) {
        double[] p = new double[vocabularySize];
        p[token] = 1;
        return p;
    }

    /**
     * Draws a token from {@code p} by inverting its cumulative sum at one {@code rng.nextDouble()} (the last
     * token with positive mass absorbs rounding).
     *
     * @param p a probability vector
     * @param rng the generator
     * @return the token id
     */
    public static int sample(double[] p, RandomGenerator rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = -1;
        for (int v = 0; v < p.length; v++) {
            if (p[v] > 0) {
                cumulative += p[v];
                last = v;
                if (u < cumulative) {
                    return v;
                }
            }
        }
        return last;
    }

    /**
     * Returns the Shannon entropy {@code -sum p ln p} of {@code softmax(logits)} in nats (terms with
     * {@code p = 0} dropped).
     *
     * @param logits the row
     * @return the entropy, {@code >= 0}
     */
    public static double entropy(double[] logits) {
        double[] p = softmax(logits, 1.0);
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x);
            }
        }
        return Math.max(0, h);
    }
}
