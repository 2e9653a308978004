package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;

/**
 * Min-K% Prob: the mean log-probability of the k% least likely tokens of a text, a score for "was
 * this text in the model's training data?".
 *
 * <p>With per-token log-probabilities {@code l_1 .. l_N} of the N scored tokens and a fraction k:
 * <pre>
 *   m        = int(N * k)                   (IEEE double product, truncated; see KRounding)
 *   S        = l sorted ascending
 *   MinK(k)  = (S_0 + S_1 + ... + S_{m-1}) / m    (numpy pairwise summation)
 * </pre>
 * <b>Sign.</b> {@code score} returns {@code MinK(k)} itself, a log-probability mean (&le; 0):
 * <b>higher means more likely a member</b> (a memorised text has no very unlikely tokens). The
 * reference script stores the negation ({@code pred["Min_20.0% Prob"] = -np.mean(topk)}, a positive
 * "surprise") and then evaluates {@code roc_curve(labels, -stored)}, so its effective decision
 * statistic is exactly this method's value; to reproduce the stored number, negate. MIMIR also
 * stores the negation ("lower means member").
 *
 * <p><b>Conventions ports get wrong.</b>
 * <ul>
 *   <li>N counts <em>scored</em> tokens: a sequence of n token ids gives n - 1 log-probabilities
 *       (the first token is context only unless the tokenizer prepends BOS). Pass exactly the scored
 *       values; use {@link TokenStatistics} to get them from logits or a language model.</li>
 *   <li>m truncates in double precision ({@code int(90 * 0.7) = 62}); when it is 0 the reference
 *       yields NaN and crashes later. Here {@link KRounding#AT_LEAST_ONE} (default) uses the single
 *       lowest token, which agrees with the reference wherever the reference is defined;
 *       {@link KRounding#STRICT} rejects the input. Never NaN.</li>
 *   <li>The mean is numpy's pairwise sum of the ascending selection, so values equal the Python
 *       reference bit for bit (naive left-to-right summation differs in the last bits for about a
 *       third of random inputs).</li>
 *   <li>{@code MinK(1.0)} is the mean log-probability, i.e. minus the LOSS baseline
 *       ({@link Baselines#lossScore}); both give the same ROC AUC.</li>
 * </ul>
 *
 * <p>Complexity: O(N + m log m) time and one O(N) working copy; the m lowest values are found by
 * partial selection (quickselect with three-way partitioning) rather than a full sort, and only they
 * are sorted, because the summation order is part of the reference result.
 *
 * <p>Reference: W. Shi, A. Ajith, M. Xia, Y. Huang, D. Liu, T. Blevins, D. Chen, L. Zettlemoyer,
 * "Detecting Pretraining Data from Large Language Models", ICLR 2024, arXiv:2310.16789.
 * Reference implementation: {@code swj0419/detect-pretrain-code@a5048f9:src/run.py} ({@code inference}).
 *
 * @since 0.1.0
 */
public final class MinKProb {

    private MinKProb() {
    }

    /**
     * Min-K% Prob with the default options (at least one token; see {@link KRounding#AT_LEAST_ONE}).
     *
     * @param tokenLogProbs the log-probabilities of the N scored tokens, each finite and {@code <= 0}
     *     (not modified)
     * @param k the fraction of tokens to average, in (0, 1]
     * @return the mean of the {@code max(1, int(N * k))} lowest log-probabilities (higher means more
     *     likely a member)
     * @throws NullPointerException if {@code tokenLogProbs} is null
     * @throws IllegalArgumentException if {@code tokenLogProbs} is empty or holds a NaN, infinite or
     *     positive value, or k is outside (0, 1]
     */
    public static double score(double[] tokenLogProbs, double k) {
        return compute(tokenLogProbs, k, MinKOptions.defaults()).score();
    }

    /**
     * Min-K% Prob with explicit options, returning the score with its token counts.
     *
     * @param tokenLogProbs the log-probabilities of the N scored tokens, each finite and {@code <= 0}
     *     (not modified)
     * @param k the fraction of tokens to average, in (0, 1]
     * @param options the rounding rule ({@link MinKOptions#zeroSigma()} is not used here)
     * @return the score and how it was obtained
     * @throws NullPointerException if {@code tokenLogProbs} or {@code options} is null
     * @throws IllegalArgumentException if {@code tokenLogProbs} is empty or holds a NaN, infinite or
     *     positive value, k is outside (0, 1], or {@link KRounding#STRICT} finds {@code int(N * k) = 0}
     */
    public static MinKScore compute(double[] tokenLogProbs, double k, MinKOptions options) {
        Checks.nonEmpty(tokenLogProbs, "tokenLogProbs");
        Checks.logProbabilities(tokenLogProbs, "tokenLogProbs");
        Checks.inLeftOpenInterval(k, 0, 1, "k");
        Checks.notNull(options, "options");
        return MinKScore.ofLowest("Min-K%", tokenLogProbs, k, options.rounding(), 0);
    }
}
