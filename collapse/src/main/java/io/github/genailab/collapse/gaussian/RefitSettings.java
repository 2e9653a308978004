package io.github.genailab.collapse.gaussian;

import io.github.genailab.collapse.Sampler;
import io.github.genailab.collapse.Workflow;
import io.github.genailab.core.math.Checks;
import java.util.Locale;

/**
 * Validation, the sample-size schedule and the one-line description shared by the 1-D and multivariate
 * refit options.
 *
 * <p>Schedule: the data of generation {@code t} (t = 0 .. G-1; 0 = the original data) hold
 * {@code M_t = round(M (t + 1)^g)} points, where {@code g = sampleGrowth}: 0 keeps {@code M} fixed,
 * 1 grows it linearly, 2 quadratically (superlinear growth keeps W2 bounded:
 * docs/collapse-theory.md, 'Growing sample sizes').
 */
final class RefitSettings {

    /** Largest generation size allowed with full sampling (points are drawn one by one). */
    static final long MAX_FULL_SAMPLES = Integer.MAX_VALUE - 8;
    /** Largest generation size allowed with sufficient statistics (exact in a double). */
    static final long MAX_SUFFICIENT_SAMPLES = 1L << 50;

    private RefitSettings() {
    }

    static void validate(int dimension, int samplesPerGeneration, int generations, VarianceEstimator estimator,
            Workflow workflow, double sampleGrowth, Sampler sampler, double samplingScale, int heldOutSamples) {
        Checks.notNull(estimator, "estimator");
        Checks.notNull(workflow, "workflow");
        Checks.notNull(sampler, "sampler");
        if (samplesPerGeneration < dimension + 1) {
            throw Checks.fail("samplesPerGeneration", "be >= " + (dimension + 1) + " (dimension + 1)",
                    samplesPerGeneration);
        }
        Checks.nonNegative(generations, "generations");
        Checks.inClosedInterval(sampleGrowth, 0, 4, "sampleGrowth");
        Checks.positive(samplingScale, "samplingScale");
        Checks.positive(heldOutSamples, "heldOutSamples");
        if (workflow.needsPool() && sampler != Sampler.FULL) {
            throw Checks.fail("sampler", "be FULL for workflow " + workflow + " (it stores every point)", sampler);
        }
        double largest = samplesPerGeneration * Math.pow(Math.max(generations, 1), sampleGrowth);
        long limit = sampler == Sampler.FULL ? MAX_FULL_SAMPLES : MAX_SUFFICIENT_SAMPLES;
        if (!(largest <= limit)) {
            throw Checks.fail("samplesPerGeneration * generations^sampleGrowth", "be <= " + limit + " for sampler "
                    + sampler, largest);
        }
        if (workflow.kind() == Workflow.Kind.KEEP_ORIGINAL
                && !((double) samplesPerGeneration * dimension <= MAX_FULL_SAMPLES)) {
            throw Checks.fail("samplesPerGeneration * dimension", "be <= " + MAX_FULL_SAMPLES + " for workflow "
                    + workflow + " (it stores the original points)", (double) samplesPerGeneration * dimension);
        }
        if (workflow.needsPool()) {
            // Every generation adds at least samplesPerGeneration points, so a pool too large is usually
            // visible at once; otherwise sum the sizes, stopping as soon as the bound is passed.
            double pool = (double) generations * samplesPerGeneration * dimension;
            if (pool <= MAX_FULL_SAMPLES) {
                pool = 0;
                for (int t = 0; t < generations && pool <= MAX_FULL_SAMPLES; t++) {
                    pool += size(samplesPerGeneration, sampleGrowth, t) * (double) dimension;
                }
            }
            if (!(pool <= MAX_FULL_SAMPLES)) {
                throw Checks.fail("total pooled coordinates", "be <= " + MAX_FULL_SAMPLES + " for workflow " + workflow,
                        pool);
            }
        }
    }

    /** {@code M_t} of the options' {@code samplesAt(t)}: {@code t} checked against 0 .. G-1 (0 when G = 0). */
    static long samplesAt(int samplesPerGeneration, double sampleGrowth, int generations, int t) {
        Checks.inRange(t, 0, Math.max(0, generations - 1), "t");
        return size(samplesPerGeneration, sampleGrowth, t);
    }

    /**
     * Completes an options' one-line {@code toString()} after {@code head} (the record name and the
     * original distribution): M and its growth, generations, estimator, workflow, sampler, the sampling
     * bias unless it is 1, and the held-out size.
     */
    static String describe(String head, int samplesPerGeneration, double sampleGrowth, int generations,
            VarianceEstimator estimator, Workflow workflow, Sampler sampler, double samplingScale, int heldOutSamples) {
        StringBuilder s = new StringBuilder(head).append(", M=").append(samplesPerGeneration);
        if (sampleGrowth != 0) {
            s.append(String.format(Locale.ROOT, "*(t+1)^%s", sampleGrowth));
        }
        s.append(", generations=").append(generations).append(", ").append(estimator).append(", ").append(workflow)
                .append(", ").append(sampler);
        if (samplingScale != 1) {
            s.append(String.format(Locale.ROOT, ", samplingScale=%s", samplingScale));
        }
        return s.append(", heldOut=").append(heldOutSamples).append(']').toString();
    }

    /** {@code M_t = round(M (t + 1)^g)}. */
    static long size(int samplesPerGeneration, double sampleGrowth, int t) {
        if (sampleGrowth == 0) {
            return samplesPerGeneration;
        }
        return Math.round(samplesPerGeneration * Math.pow(t + 1, sampleGrowth));
    }

    /** The whole schedule {@code M_0 .. M_{G-1}}. */
    static long[] sizes(int samplesPerGeneration, double sampleGrowth, int generations) {
        long[] out = new long[generations];
        for (int t = 0; t < generations; t++) {
            out[t] = size(samplesPerGeneration, sampleGrowth, t);
        }
        return out;
    }
}
