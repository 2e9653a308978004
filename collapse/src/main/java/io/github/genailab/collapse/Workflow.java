package io.github.genailab.collapse;

import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * Where each generation's training data comes from (first-order theory in docs/collapse-theory.md,
 * 'Data workflows').
 *
 * <p>Generation 0's data are {@code M_0} points of the original distribution; after that, with
 * {@code M_t} the synthetic sample size of generation {@code t} and {@code model_t} the latest fit:
 * <pre>
 *   replace              D_t = M_t points of model_t                       (Shumailov et al.: collapse)
 *   accumulate           D_t = D_{t-1} + M_t points of model_t             (Gerstgrasser et al.: bounded)
 *   accumulateSubsample  D_t = M_t points drawn without replacement from
 *                              the pool of all data so far                 (Kazdan et al.)
 *   keepOriginal(rho)    D_t = m_r points drawn without replacement from the fixed original data,
 *                              m_r = min(M_0, M_t - 1, max(1, round(rho M_t))), plus M_t - m_r
 *                              points of model_t                            (Shumailov et al. setting 2)
 *   freshData(n_r)       D_t = n_r fresh points of the original distribution + M_t points of model_t
 *                                                                           (Alemohammad et al.)
 * </pre>
 * docs/collapse-theory.md, 'Pitfalls', item 9: "keep 10% real" in Shumailov et al. is a fresh random 10% of the fixed
 * original training set each generation, which is {@link #keepOriginal(double)}, not accumulation and
 * not fresh real data; the three have different stationary errors.
 *
 * @param kind the workflow
 * @param originalFraction for {@link Kind#KEEP_ORIGINAL}: the share {@code rho} in (0, 1) of each
 *     generation's data taken from the original data; 0 otherwise
 * @param freshSamples for {@link Kind#FRESH_DATA}: fresh original points per generation, at least 1;
 *     0 otherwise
 *
 * @since 0.1.0
 */
public record Workflow(Kind kind, double originalFraction, int freshSamples) {

    /** The data workflows. */
    public enum Kind {
        /** Train only on the previous model's samples. */
        REPLACE,
        /** Train on everything generated so far (and the original data). */
        ACCUMULATE,
        /** Train on a fixed-size subsample of everything so far. */
        ACCUMULATE_SUBSAMPLE,
        /** Mix a fixed share of the original data into every generation. */
        KEEP_ORIGINAL,
        /** Add fresh original data every generation. */
        FRESH_DATA
    }

    /**
     * Validates the parameters.
     *
     * @param kind the workflow
     * @param originalFraction for {@link Kind#KEEP_ORIGINAL}: the share {@code rho} in (0, 1) of each
     *     generation's data taken from the original data; 0 otherwise
     * @param freshSamples for {@link Kind#FRESH_DATA}: fresh original points per generation, at least 1;
     *     0 otherwise
     * @throws NullPointerException if {@code kind} is null
     * @throws IllegalArgumentException if a parameter does not fit the kind
     */
    public Workflow {
        Checks.notNull(kind, "kind");
        if (kind == Kind.KEEP_ORIGINAL) {
            Checks.inOpenInterval(originalFraction, 0, 1, "originalFraction");
        } else if (originalFraction != 0) {
            throw Checks.fail("originalFraction", "be 0 for workflow " + kind, originalFraction);
        }
        if (kind == Kind.FRESH_DATA) {
            Checks.positive(freshSamples, "freshSamples");
        } else if (freshSamples != 0) {
            throw Checks.fail("freshSamples", "be 0 for workflow " + kind, freshSamples);
        }
    }

    /**
     * Train each generation only on the previous model's samples (the paper's setting).
     *
     * @return the workflow
     */
    public static Workflow replace() {
        return new Workflow(Kind.REPLACE, 0, 0);
    }

    /**
     * Train on all data so far, original and synthetic.
     *
     * @return the workflow
     */
    public static Workflow accumulate() {
        return new Workflow(Kind.ACCUMULATE, 0, 0);
    }

    /**
     * Train on {@code M_t} points drawn without replacement from all data so far; needs
     * {@link Sampler#FULL} because the pool must hold actual points.
     *
     * @return the workflow
     */
    public static Workflow accumulateSubsample() {
        return new Workflow(Kind.ACCUMULATE_SUBSAMPLE, 0, 0);
    }

    /**
     * Mix a fresh random share {@code fraction} of the fixed original data into every generation.
     *
     * @param fraction the share in (0, 1), e.g. 0.1 for the paper's OPT setting 2
     * @return the workflow
     * @throws IllegalArgumentException if {@code fraction} is not in (0, 1)
     */
    public static Workflow keepOriginal(double fraction) {
        return new Workflow(Kind.KEEP_ORIGINAL, fraction, 0);
    }

    /**
     * Add {@code realSamples} fresh points of the original distribution to every generation.
     *
     * @param realSamples fresh points per generation, at least 1
     * @return the workflow
     * @throws IllegalArgumentException if {@code realSamples < 1}
     */
    public static Workflow freshData(int realSamples) {
        return new Workflow(Kind.FRESH_DATA, 0, realSamples);
    }

    /**
     * Whether the workflow needs stored data points (rather than sufficient statistics).
     *
     * @return true for {@link Kind#ACCUMULATE_SUBSAMPLE}
     */
    public boolean needsPool() {
        return kind == Kind.ACCUMULATE_SUBSAMPLE;
    }

    /**
     * Original points mixed into a generation of {@code total} points (keep-original only):
     * {@code min(originalSize, total - 1, max(1, round(originalFraction * total)))}, so that at least one
     * point is original and at least one synthetic.
     *
     * @param total the generation's size, at least 2
     * @param originalSize how many original points exist
     * @return the number of original points in the generation
     */
    public int originalShare(long total, int originalSize) {
        long wanted = Math.max(1, Math.round(originalFraction * total));
        return (int) Math.min(Math.min(originalSize, total - 1), wanted);
    }

    /**
     * The workflow as its factory call, e.g. {@code keepOriginal(0.1)}.
     *
     * @return one line
     */
    @Override
    public String toString() {
        switch (kind) {
            case KEEP_ORIGINAL:
                return String.format(Locale.ROOT, "keepOriginal(%s)", originalFraction);
            case FRESH_DATA:
                return "freshData(" + freshSamples + ")";
            case ACCUMULATE_SUBSAMPLE:
                return "accumulateSubsample";
            case ACCUMULATE:
                return "accumulate";
            default:
                return "replace";
        }
    }
}
