package io.github.genailab.membership;

import io.github.genailab.core.internal.FloatExp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float kernel of {@link FloatRowKernel} written with the incubating Vector API (JEP 414), used only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p><b>One pass per row.</b> With {@code c} the row maximum and {@code y = max(x - c, -87)}, a single
 * pass accumulates the raw moments about the maximum
 * <pre>
 *   W = sum e^y,   S1 = sum e^y y,   S2 = sum e^y y^2,   mean = S1 / W,   M2 = S2 - S1 mean
 * </pre>
 * with the exponential of {@link FloatExp} (base-2 form) in every lane, float sums over blocks of
 * {@value #BLOCK} values (at most 16 terms per lane) added into double totals. Then
 * {@code log p = x_target - c - log W}, {@code mu = mean - log W} and {@code sigma^2 = M2 / W}.
 *
 * <p><b>Cancellation, checked per row.</b> {@code M2 = S2 - S1^2 / W} loses about
 * {@code log10(S2 / M2)} digits to cancellation. Since every {@code y <= 0} and the maximum itself has
 * {@code p >= 1/V}, the ratio {@code S2 / M2 = 1 + mean^2 / sigma^2} is at most {@code 1 + V}, and for
 * most rows it is small (about 3 for Gaussian logits of spread 3, up to about 20 for nearly flat
 * rows). When it exceeds {@value #CANCELLATION_LIMIT} the row gets a second pass with the reference
 * moved from {@code c} to {@code c + mean} (rounded to float), where the raw moments no longer cancel;
 * the row is still in cache, and {@code W} from the first pass still gives {@code log Z}. (The weights
 * of the second pass are {@code e^(x - c - mean)}, at most {@code e^(log V)} = V, because
 * {@code -mean <= H(p) <= log V}.)
 *
 * <p><b>Memory.</b> The maximum of row {@code i + 1} is taken inside the pass over row {@code i}, so
 * each row is read from main memory once, while the previous row is computed from the cache.
 *
 * <p><b>Range.</b> Values more than 87 nats below a pass's reference (and -infinity) weigh
 * {@code e^-87}, as in {@link RowMoments#FLOOR}. The last {@code V mod lanes} values of a row are
 * added one at a time with {@link Math#exp}. The Vector API leaves the order of {@code reduceLanes}
 * unspecified, so results may differ from {@link FloatLogitRows} in the last bits (both within about
 * 1e-7 of the exact path) but are repeatable on a given JVM and CPU. Compiled on its own from
 * {@code src/main/vector} (see this module's {@code pom.xml}) because {@code javac} always warns about
 * incubator modules. Not thread-safe: one instance per call.
 */
final class VectorLogitRows implements FloatRowKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Values summed in float before their sums are added in double (a power of two, >= LANES). */
    static final int BLOCK = 256;
    /** Largest {@code S2 / M2} (digits lost to cancellation, as a factor) kept from one pass. */
    static final double CANCELLATION_LIMIT = 16;

    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    private static final FloatVector ROUND = FloatVector.broadcast(SPECIES, FloatExp.ROUND);
    private static final FloatVector LOG2E = FloatVector.broadcast(SPECIES, FloatExp.LOG2E);
    private static final FloatVector B1 = FloatVector.broadcast(SPECIES, FloatExp.B1);
    private static final FloatVector B2 = FloatVector.broadcast(SPECIES, FloatExp.B2);
    private static final FloatVector B3 = FloatVector.broadcast(SPECIES, FloatExp.B3);
    private static final FloatVector B4 = FloatVector.broadcast(SPECIES, FloatExp.B4);
    private static final FloatVector B5 = FloatVector.broadcast(SPECIES, FloatExp.B5);

    // The sums of the last pass: W, S1 and S2 about that pass's reference.
    private double weight;
    private double first;
    private double second;

    @Override
    public void compute(float[][] logits, int[] targets, double[] outLogProb, double[] outMu, double[] outSigma) {
        float max = RowMoments.checkedMaximum(rowMax(logits[0]), logits[0], 0);
        for (int i = 0; i < logits.length; i++) {
            float[] row = logits[i];
            boolean last = i + 1 == logits.length;
            float nextMax = pass(row, max, last ? row : logits[i + 1]);
            double total = weight;
            double mean = first / weight;
            double squaredDeviation = second - first * mean;
            if (second > CANCELLATION_LIMIT * squaredDeviation) {
                float reference = max + (float) mean;
                pass(row, reference, row);
                double shift = first / weight;
                mean = ((double) reference - max) + shift;
                squaredDeviation = second - first * shift;
            }
            RowMoments.store(row, targets[i], max, i, total, mean, squaredDeviation / weight, outLogProb, outMu,
                    outSigma);
            if (!last) {
                max = RowMoments.checkedMaximum(nextMax, logits[i + 1], i + 1);
            }
        }
    }

    /**
     * Sets {@link #weight}, {@link #first} and {@link #second} to the sums of {@code e^y}, {@code e^y y}
     * and {@code e^y y^2} over {@code y = max(x - reference, -87)} for {@code x} in {@code row}.
     *
     * @param next a row of the same length whose maximum is wanted (NaN propagates)
     * @return the maximum of {@code next}
     */
    private float pass(float[] row, float reference, float[] next) {
        int whole = row.length - row.length % LANES;
        double w = 0;
        double s1 = 0;
        double s2 = 0;
        FloatVector blockWeight = FloatVector.zero(SPECIES);
        FloatVector blockFirst = blockWeight;
        FloatVector blockSecond = blockWeight;
        FloatVector nextMax = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < whole; j += LANES) {
            FloatVector y = FloatVector.fromArray(SPECIES, row, j).sub(reference).max(RowMoments.FLOOR);
            FloatVector e = exp(y);
            FloatVector ey = e.mul(y);
            blockWeight = blockWeight.add(e);
            blockFirst = blockFirst.add(ey);
            blockSecond = ey.fma(y, blockSecond);
            nextMax = nextMax.max(FloatVector.fromArray(SPECIES, next, j));
            // One flat loop with a periodic flush: HotSpot 17 compiled a nested block loop ~30% slower.
            if ((j & (BLOCK - 1)) == BLOCK - LANES) {
                w += blockWeight.reduceLanes(VectorOperators.ADD);
                s1 += blockFirst.reduceLanes(VectorOperators.ADD);
                s2 += blockSecond.reduceLanes(VectorOperators.ADD);
                blockWeight = FloatVector.zero(SPECIES);
                blockFirst = blockWeight;
                blockSecond = blockWeight;
            }
        }
        w += blockWeight.reduceLanes(VectorOperators.ADD);
        s1 += blockFirst.reduceLanes(VectorOperators.ADD);
        s2 += blockSecond.reduceLanes(VectorOperators.ADD);
        float max = nextMax.reduceLanes(VectorOperators.MAX);
        for (int j = whole; j < row.length; j++) {
            double y = Math.max(row[j] - reference, RowMoments.FLOOR);
            double e = Math.exp(y);
            w += e;
            s1 += e * y;
            s2 += e * y * y;
            max = Math.max(max, next[j]);
        }
        weight = w;
        first = s1;
        second = s2;
        return max;
    }

    /** Lane-wise maximum of a row, then its tail; NaN propagates. */
    private static float rowMax(float[] row) {
        int whole = row.length - row.length % LANES;
        FloatVector lanes = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < whole; j += LANES) {
            lanes = lanes.max(FloatVector.fromArray(SPECIES, row, j));
        }
        float max = lanes.reduceLanes(VectorOperators.MAX);
        for (int j = whole; j < row.length; j++) {
            max = Math.max(max, row[j]);
        }
        return max;
    }

    /** {@link FloatExp}'s base-2 form in every lane, for {@code y} in [-87, log V]. */
    private static FloatVector exp(FloatVector y) {
        FloatVector rounded = y.fma(LOG2E, ROUND); // ROUND + n, n = round(y log2 e)
        FloatVector f = y.fma(LOG2E, ROUND.sub(rounded));
        FloatVector p = B5.fma(f, B4).fma(f, B3).fma(f, B2).fma(f, B1).fma(f, ONE);
        return p.reinterpretAsInts()
                .add(rounded.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23))
                .reinterpretAsFloats();
    }
}
