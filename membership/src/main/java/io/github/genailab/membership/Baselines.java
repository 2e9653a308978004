package io.github.genailab.membership;

import io.github.genailab.core.math.Checks;
import io.github.genailab.core.math.PairwiseSum;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * The baseline membership scores that the Min-K% paper compares against: LOSS (perplexity), zlib
 * ratio, lowercase ratio and reference-model ratio.
 *
 * <p>Every {@code ...Score} method returns a value where <b>higher means more likely a member</b>.
 * With {@code L = -mean(l)} the target model's loss (mean negative log-likelihood of the scored
 * tokens), {@code L_low} the loss on the lowercased text, {@code L_ref} a reference model's loss on
 * the same text and {@code Z} the zlib-compressed length in bytes of the UTF-8 text:
 * <pre>
 *   method      this class               reference stores (detect-pretrain-code)   its ROC uses
 *   LOSS        lossScore     = -L       ppl = exp(L)                              -exp(L)
 *   zlib        zlibScore     = -L / Z   ppl/zlib = L / Z                          -L / Z
 *   lowercase   lowercaseScore = L_low/L ppl/lowercase_ppl = -L_low / L            L_low / L
 *   reference   referenceScore = L_ref-L ppl/Ref_ppl = L - L_ref                   L_ref - L
 *   Min-K%      MinKProb.score = MinK    Min_20.0% Prob = -MinK                    MinK
 * </pre>
 * (the reference evaluates {@code roc_curve(labels, -stored)}), so every score here is the
 * reference's effective decision statistic and gives the same AUC.
 *
 * <p><b>Conventions ports get wrong.</b> The reference-model score takes <em>both</em> models'
 * per-token log-probabilities, so both sides are losses; the reference script mixes a mean
 * log-probability with a loss when the target is an OpenAI model (its {@code Ref} AUC 0.29 for
 * text-davinci-003 in the committed outputs is consistent with that sign error). zlib compresses
 * the UTF-8 bytes of the <em>original</em> text at the default level 6 with the zlib wrapper, as
 * Python's {@code zlib.compress(text.encode("utf-8"))} does ({@code java.util.zip.Deflater} gives
 * the same lengths; an empty string compresses to 8 bytes). Lowercasing uses
 * {@code toLowerCase(Locale.ROOT)}, close to Python's {@code str.lower}. All means use numpy's
 * pairwise summation.
 *
 * <p>Complexity: O(N) per score, plus O(text length) for zlib.
 *
 * <p>References: W. Shi et al., "Detecting Pretraining Data from Large Language Models", ICLR 2024
 * (arXiv:2310.16789), {@code swj0419/detect-pretrain-code@a5048f9:src/run.py}; N. Carlini et al.,
 * "Extracting Training Data from Large Language Models", USENIX Security 2021 (zlib, lowercase and
 * reference-model ratios); S. Yeom et al., "Privacy Risk in Machine Learning: Analyzing the
 * Connection to Overfitting", IEEE CSF 2018 (LOSS).
 *
 * @since 0.1.0
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * The loss {@code L = -mean(l)}, the mean negative log-likelihood of the scored tokens (HF's
     * {@code outputs.loss} up to float32 rounding).
     *
     * @param tokenLogProbs log-probabilities of the scored tokens, finite and {@code <= 0}
     * @return L, finite and {@code >= 0}
     * @throws NullPointerException if {@code tokenLogProbs} is null
     * @throws IllegalArgumentException if empty or holding a NaN, infinite or positive value
     */
    public static double loss(double[] tokenLogProbs) {
        return loss(tokenLogProbs, "tokenLogProbs");
    }

    private static double loss(double[] logProbs, String name) {
        Checks.nonEmpty(logProbs, name);
        Checks.logProbabilities(logProbs, name);
        return 0.0 - PairwiseSum.mean(logProbs); // 0.0 - x, not -x: an all-zero input gives +0.0
    }

    /**
     * The perplexity {@code exp(L)}.
     *
     * @param tokenLogProbs log-probabilities of the scored tokens, finite and {@code <= 0}
     * @return exp(L), at least 1 (may overflow to infinity for L &gt; 709)
     * @throws NullPointerException if {@code tokenLogProbs} is null
     * @throws IllegalArgumentException if empty or holding a NaN, infinite or positive value
     */
    public static double perplexity(double[] tokenLogProbs) {
        return Math.exp(loss(tokenLogProbs));
    }

    /**
     * The LOSS membership score {@code -L} (the mean log-probability; equals {@link MinKProb} at
     * k = 1 up to the summation order of the sorted values).
     *
     * @param tokenLogProbs log-probabilities of the scored tokens, finite and {@code <= 0}
     * @return -L (higher means more likely a member)
     * @throws NullPointerException if {@code tokenLogProbs} is null
     * @throws IllegalArgumentException if empty or holding a NaN, infinite or positive value
     */
    public static double lossScore(double[] tokenLogProbs) {
        return -loss(tokenLogProbs);
    }

    /**
     * The zlib-ratio score {@code -L / Z}.
     *
     * @param tokenLogProbs log-probabilities of the scored tokens of {@code text}
     * @param text the text the log-probabilities were computed on
     * @return -L / Z (higher means more likely a member)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code tokenLogProbs} is empty or invalid
     */
    public static double zlibScore(double[] tokenLogProbs, String text) {
        double loss = loss(tokenLogProbs);
        return -loss / zlibLength(text);
    }

    /**
     * The length in bytes of the zlib-compressed UTF-8 encoding of {@code text}, as Python's
     * {@code len(zlib.compress(text.encode("utf-8")))} (level 6, zlib header and Adler-32 trailer).
     * Unpaired surrogates are encoded as {@code '?'} (Python would raise).
     *
     * @param text the text
     * @return the compressed length, at least 8
     * @throws NullPointerException if {@code text} is null
     */
    public static int zlibLength(String text) {
        Checks.notNull(text, "text");
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(input);
            deflater.finish();
            byte[] buffer = new byte[4096];
            int length = 0;
            while (!deflater.finished()) {
                length += deflater.deflate(buffer);
            }
            return length;
        } finally {
            deflater.end();
        }
    }

    /**
     * The lowercase-ratio score {@code L_low / L}: how much worse the model predicts the lowercased
     * text than the original (a memorised casing makes the ratio large).
     *
     * @param tokenLogProbs log-probabilities of the scored tokens of the original text
     * @param lowercaseTokenLogProbs log-probabilities of the scored tokens of
     *     {@code text.toLowerCase(Locale.ROOT)} under the same model
     * @return L_low / L (higher means more likely a member)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or invalid, or the original loss is 0
     *     (every token predicted with probability 1, where the ratio is undefined)
     */
    public static double lowercaseScore(double[] tokenLogProbs, double[] lowercaseTokenLogProbs) {
        double loss = loss(tokenLogProbs);
        double lowercaseLoss = loss(lowercaseTokenLogProbs, "lowercaseTokenLogProbs");
        if (!(loss > 0)) {
            throw Checks.fail("loss of tokenLogProbs", "be > 0 for the lowercase ratio", loss);
        }
        return lowercaseLoss / loss;
    }

    /**
     * The reference-model score {@code L_ref - L} (the log of the perplexity ratio
     * {@code PPL_ref / PPL}): a text the target finds much easier than a reference model does is
     * likely a member of the target's training data.
     *
     * @param tokenLogProbs log-probabilities of the scored tokens under the target model
     * @param referenceTokenLogProbs log-probabilities of the scored tokens of the same text under the
     *     reference model (its own tokenization; lengths may differ)
     * @return L_ref - L (higher means more likely a member)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array is empty or invalid
     */
    public static double referenceScore(double[] tokenLogProbs, double[] referenceTokenLogProbs) {
        double loss = loss(tokenLogProbs);
        return loss(referenceTokenLogProbs, "referenceTokenLogProbs") - loss;
    }
}
