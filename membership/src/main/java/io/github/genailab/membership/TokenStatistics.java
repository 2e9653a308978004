package io.github.genailab.membership;

import io.github.genailab.core.lm.DecodingSession;
import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Checks;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Locale;

/**
 * Per-token statistics of one text under one model: the log-probability of each scored token and,
 * when the full next-token distribution was available, the mean and standard deviation of log p
 * under that distribution (what Min-K%++ needs).
 *
 * <p>For scored position t (next token x_t after prefix x_&lt;t, distribution p = p(.|x_&lt;t) over the
 * vocabulary):
 * <pre>
 *   logProbs[t] = log p(x_t)
 *   mu[t]       = sum_z p(z) log p(z)                     (minus the entropy)
 *   sigma[t]    = sqrt( sum_z p(z) (log p(z) - mu[t])^2 )  (standard deviation, not variance)
 * </pre>
 *
 * <p><b>Alignment.</b> A sequence of n token ids has n - 1 scored tokens: position t is predicted
 * from the tokens before it, so the first token is context only (a tokenizer that prepends BOS makes
 * the first real word scored). With a Hugging Face causal LM, {@code logits[0, :-1]} predicts
 * {@code input_ids[1:]}: pass those rows and targets to {@link #fromLogits(float[][], int[])}.
 *
 * <p><b>Sources.</b> {@link #fromLogits(double[][], int[])} is exact (double precision,
 * {@code Math.exp}, two-pass variance); {@link #fromLogits(float[][], int[])} is the fast path for
 * float32 logits [T x V] (one pass over memory per row, float exponentials, double merging; agrees
 * with the exact path to |difference| &lt;= 1e-6 (1 + |value|), about 1e-7 on random rows of width
 * 50,257, as accurate as the float32 reference computes them; about 6x faster again when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}, which enables a Vector API kernel; without it, the first
 * call on at least 2^22 logits says so once, at INFO level through the platform logger
 * {@code io.github.genailab.membership});
 * {@link #of(LanguageModel, int[])} scores a token sequence with any in-process model (exact);
 * {@link #of(double[])} wraps log-probabilities alone (for example from an API), for which only
 * Min-K% and the baselines are available. A uniform distribution gives exactly {@code sigma = 0} and
 * {@code logProb = mu} (see {@link ZeroSigma}).
 *
 * <p>Complexity: O(T V) for logits, one pass over each row.
 *
 * @param logProbs log p of each scored token, finite and {@code <= 0}, at least one
 * @param mu the mean of log p per position, finite and {@code <= 0}, or null when unknown
 * @param sigma the standard deviation of log p per position, finite and {@code >= 0}, or null when
 *     unknown (null exactly when {@code mu} is)
 *
 * @since 0.1.0
 */
public record TokenStatistics(double[] logProbs, double[] mu, double[] sigma) {

    /**
     * Validates and copies the arrays.
     *
     * @param logProbs log p of each scored token, finite and {@code <= 0}, at least one
     * @param mu the mean of log p per position, finite and {@code <= 0}, or null when unknown
     * @param sigma the standard deviation of log p per position, finite and {@code >= 0}, or null when
     *     unknown (null exactly when {@code mu} is)
     * @throws NullPointerException if {@code logProbs} is null
     * @throws IllegalArgumentException if {@code logProbs} is empty, only one of {@code mu} and
     *     {@code sigma} is null, the lengths differ, or a value is invalid (naming its index)
     */
    public TokenStatistics {
        Checks.nonEmpty(logProbs, "logProbs");
        Checks.logProbabilities(logProbs, "logProbs");
        if ((mu == null) != (sigma == null)) {
            throw Checks.fail("mu and sigma", "be both present or both null",
                    mu == null ? "mu null, sigma present" : "mu present, sigma null");
        }
        logProbs = logProbs.clone();
        if (mu != null) {
            Checks.sameLength(logProbs.length, mu.length, "logProbs", "mu");
            Checks.sameLength(logProbs.length, sigma.length, "logProbs", "sigma");
            Checks.logProbabilities(mu, "mu");
            for (int i = 0; i < sigma.length; i++) {
                Checks.nonNegative(sigma[i], "sigma[" + i + "]");
            }
            mu = mu.clone();
            sigma = sigma.clone();
        }
    }

    /**
     * Log-probabilities only (Min-K% and the baselines; no Min-K%++).
     *
     * @param logProbs log p of each scored token, finite and {@code <= 0} (copied)
     * @return the statistics
     * @throws NullPointerException if {@code logProbs} is null
     * @throws IllegalArgumentException if empty or invalid
     */
    public static TokenStatistics of(double[] logProbs) {
        return new TokenStatistics(logProbs, null, null);
    }

    /**
     * Exact statistics from double-precision logits; row i is the (unnormalised) distribution that
     * predicts {@code targets[i]}.
     *
     * @param logits [T x V] logits, each finite or -infinity (an impossible token), every row with a
     *     finite entry at its target (not modified)
     * @param targets the T scored token ids, each in [0, V)
     * @return the statistics of the T scored tokens
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if there are no rows, the rows are ragged, the lengths
     *     differ, a target is out of range, or a logit is NaN or +infinity or a target's logit is
     *     -infinity (naming the row and column)
     */
    public static TokenStatistics fromLogits(double[][] logits, int[] targets) {
        DoubleLogitRows rows = new DoubleLogitRows(vocabularySize(logits, targets));
        return collect(targets.length, (i, lp, mean, sd) -> rows.compute(logits[i], targets[i], "logits[" + i + "]", i,
                lp, mean, sd));
    }

    /**
     * Fast statistics from float32 logits (the usual model output); row i is the (unnormalised)
     * distribution that predicts {@code targets[i]}. Each row is read from memory once.
     *
     * @param logits [T x V] logits, each finite or -infinity, every row with a finite entry at its
     *     target (not modified)
     * @param targets the T scored token ids, each in [0, V)
     * @return the statistics of the T scored tokens
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fromLogits(double[][], int[])}
     */
    public static TokenStatistics fromLogits(float[][] logits, int[] targets) {
        FloatRowKernel kernel = FloatRowKernel.create();
        PortableKernelAdvice.JVM.consider(kernel, (long) vocabularySize(logits, targets) * targets.length);
        return fromLogits(logits, targets, kernel);
    }

    /** {@link #fromLogits(float[][], int[])} with a given kernel (tests run both). */
    static TokenStatistics fromLogits(float[][] logits, int[] targets, FloatRowKernel kernel) {
        vocabularySize(logits, targets);
        double[] lp = new double[targets.length];
        double[] mean = new double[targets.length];
        double[] sd = new double[targets.length];
        kernel.compute(logits, targets, lp, mean, sd);
        return new TokenStatistics(lp, mean, sd);
    }

    /**
     * Exact statistics of a token sequence under a language model: position i = 1..n-1 is scored with
     * the full next-token distribution after {@code tokens[0, i)}, read through one
     * {@link LanguageModel#newSession() decoding session}, so that a transformer computes each position
     * once from its key/value cache (the n-gram model's default session gives exactly
     * {@code model.nextTokenLogits(tokens, i)}).
     *
     * @param model the model (its full next-token distribution is used)
     * @param tokens the token ids, at least 2, each in [0, model.vocabularySize())
     * @return the statistics of the n - 1 scored tokens
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if fewer than 2 tokens, an id is out of range, or the model
     *     returns a logits row of the wrong length or with NaN / +infinity
     */
    public static TokenStatistics of(LanguageModel model, int[] tokens) {
        Checks.notNull(model, "model");
        Checks.notNull(tokens, "tokens");
        if (tokens.length < 2) {
            throw Checks.fail("tokens.length", "be >= 2 (the first token is context only)", tokens.length);
        }
        Checks.tokenIds(tokens, model.vocabularySize(), "tokens");
        DoubleLogitRows rows = new DoubleLogitRows(model.vocabularySize());
        try (DecodingSession session = model.newSession()) {
            int[] next = new int[1];
            session.append(new int[] {tokens[0]});
            return collect(tokens.length - 1, (i, lp, mean, sd) -> {
                if (i > 0) {
                    next[0] = tokens[i];
                    session.append(next);
                }
                rows.compute(session.nextTokenLogits(), tokens[i + 1], "model.nextTokenLogits(tokens, " + (i + 1) + ")",
                        i, lp, mean, sd);
            });
        }
    }

    /** Fills one scored position: log p, mu and sigma at index {@code i}. */
    @FunctionalInterface
    private interface RowStatistics {
        void fill(int i, double[] logProbs, double[] mu, double[] sigma);
    }

    private static TokenStatistics collect(int positions, RowStatistics rows) {
        double[] lp = new double[positions];
        double[] mean = new double[positions];
        double[] sd = new double[positions];
        for (int i = 0; i < positions; i++) {
            rows.fill(i, lp, mean, sd);
        }
        return new TokenStatistics(lp, mean, sd);
    }

    /** Checks a [T x V] matrix of float or double rows against T targets; returns V. */
    private static int vocabularySize(Object[] logits, int[] targets) {
        Checks.notNull(logits, "logits");
        Checks.notNull(targets, "targets");
        Checks.sameLength(logits.length, targets.length, "logits", "targets");
        if (logits.length == 0) {
            throw Checks.fail("logits", "have at least one row", "0 rows");
        }
        int vocabularySize = Array.getLength(Checks.notNull(logits[0], "logits[0]"));
        if (vocabularySize == 0) {
            throw Checks.fail("logits", "have at least one column", "0 columns");
        }
        for (int i = 1; i < logits.length; i++) {
            int columns = Array.getLength(Checks.notNull(logits[i], "logits[" + i + "]"));
            if (columns != vocabularySize) {
                throw Checks.fail("logits[" + i + "]", "have " + vocabularySize + " columns like row 0", columns);
            }
        }
        Checks.tokenIds(targets, vocabularySize, "targets");
        return vocabularySize;
    }

    /**
     * The number N of scored tokens.
     *
     * @return N, at least 1
     */
    public int size() {
        return logProbs.length;
    }

    /**
     * Whether mu and sigma are known (needed by Min-K%++).
     *
     * @return true if {@link #mu()} and {@link #sigma()} are non-null
     */
    public boolean hasDistribution() {
        return mu != null;
    }

    /**
     * Min-K% of these tokens ({@link MinKProb#score}).
     *
     * @param k the fraction, in (0, 1]
     * @return the score (higher means more likely a member)
     * @throws IllegalArgumentException if k is outside (0, 1]
     */
    public double minK(double k) {
        return MinKProb.score(logProbs, k);
    }

    /**
     * Min-K%++ of these tokens ({@link MinKPlusPlus#score}).
     *
     * @param k the fraction, in (0, 1]
     * @return the score (higher means more likely a member)
     * @throws IllegalArgumentException if k is outside (0, 1]
     * @throws IllegalStateException if mu and sigma are unknown
     */
    public double minKPlusPlus(double k) {
        if (mu == null) {
            throw new IllegalStateException("Min-K%++ needs mu and sigma, but these statistics hold log-probabilities only");
        }
        return MinKPlusPlus.score(logProbs, mu, sigma, k);
    }

    /**
     * The loss {@code L = -mean(logProbs)} ({@link Baselines#loss}).
     *
     * @return L, at least 0
     */
    public double loss() {
        return Baselines.loss(logProbs);
    }

    /**
     * A copy of the log-probabilities.
     *
     * @return log p of each scored token
     */
    @Override
    public double[] logProbs() {
        return logProbs.clone();
    }

    /**
     * A copy of mu, or null when unknown.
     *
     * @return the mean of log p per position
     */
    @Override
    public double[] mu() {
        return mu == null ? null : mu.clone();
    }

    /**
     * A copy of sigma, or null when unknown.
     *
     * @return the standard deviation of log p per position
     */
    @Override
    public double[] sigma() {
        return sigma == null ? null : sigma.clone();
    }

    /**
     * Equal when all three arrays are equal element-wise.
     *
     * @param other the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TokenStatistics s && Arrays.equals(logProbs, s.logProbs)
                && Arrays.equals(mu, s.mu) && Arrays.equals(sigma, s.sigma);
    }

    /**
     * A hash of the three arrays' contents.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(logProbs) + Arrays.hashCode(mu)) + Arrays.hashCode(sigma);
    }

    /**
     * One line, e.g. {@code TokenStatistics[63 tokens, loss 3.2145, min log p -11.02, mu/sigma known]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        double min = Arrays.stream(logProbs).min().orElseThrow();
        return String.format(Locale.ROOT, "TokenStatistics[%d tokens, loss %.4f, min log p %.4f, %s]", logProbs.length,
                loss(), min, mu == null ? "log-probs only" : "mu/sigma known");
    }
}
