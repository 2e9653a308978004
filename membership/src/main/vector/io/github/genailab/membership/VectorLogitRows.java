package io.github.genailab.membership;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float kernel of {@link FloatRowKernel} written with the incubating Vector API (JEP 414), used only
 * when the JVM runs with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Same algorithm as {@link FloatLogitRows}: the row maximum {@code c} (one read from memory), then
 * chunks of {@value #CHUNK} values: {@code y = max(x - c, -87)}, {@code e = exp(y)} by {@link FloatExp}
 * in every lane at once (the {@code 2^n} scale is a lane-wise integer shift of the rounded value's bits,
 * which HotSpot's auto-vectoriser cannot express), lane-wise sums of {@code e} and {@code e y}, then
 * {@code sum e (y - pivot)^2} over the chunk kept in L1, merged in double by {@link RowMoments}. The last
 * {@code V mod lanes} values are merged one at a time with {@link Math#exp}.
 *
 * <p>Lane sums add at most {@code CHUNK / lanes} terms each, then {@code reduceLanes}; the Vector API
 * leaves the order of that reduction unspecified, so results may differ from {@link FloatLogitRows} in
 * the last bits (both within about 1e-7 of the exact path) but are repeatable on a given JVM and CPU.
 * Compiled on its own from {@code src/main/vector} (see this module's {@code pom.xml}) because
 * {@code javac} always warns about incubator modules. Not thread-safe: one instance per call.
 */
final class VectorLogitRows implements FloatRowKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    static final int CHUNK = 256;

    private static final FloatVector NEG_LN2_HI = FloatVector.broadcast(SPECIES, -FloatExp.LN2_HI);
    private static final FloatVector NEG_LN2_LO = FloatVector.broadcast(SPECIES, -FloatExp.LN2_LO);
    private static final FloatVector P0 = FloatVector.broadcast(SPECIES, FloatExp.P0);
    private static final FloatVector P1 = FloatVector.broadcast(SPECIES, FloatExp.P1);
    private static final FloatVector P2 = FloatVector.broadcast(SPECIES, FloatExp.P2);
    private static final FloatVector P3 = FloatVector.broadcast(SPECIES, FloatExp.P3);
    private static final FloatVector P4 = FloatVector.broadcast(SPECIES, FloatExp.P4);
    private static final FloatVector P5 = FloatVector.broadcast(SPECIES, FloatExp.P5);

    private final float[] shifted = new float[CHUNK];
    private final float[] weight = new float[CHUNK];

    @Override
    public void compute(float[] row, int target, int rowIndex, double[] outLogProb, double[] outMu,
            double[] outSigma) {
        int whole = row.length - row.length % LANES;
        float max = RowMoments.checkedMaximum(rowMax(row, whole), row, rowIndex);
        RowMoments moments = new RowMoments();
        for (int start = 0; start < whole; start += CHUNK) {
            addChunk(row, start, Math.min(CHUNK, whole - start), max, moments);
        }
        for (int j = whole; j < row.length; j++) {
            moments.addOne(Math.max(row[j] - max, RowMoments.FLOOR));
        }
        moments.store(row, target, max, rowIndex, outLogProb, outMu, outSigma);
    }

    /** Lane-wise maximum of {@code row[0, whole)}, then the scalar tail; NaN propagates. */
    private static float rowMax(float[] row, int whole) {
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

    /** One chunk of {@code length} values (a multiple of the lane count) into {@code moments}. */
    private void addChunk(float[] row, int start, int length, float max, RowMoments moments) {
        FloatVector weights = FloatVector.zero(SPECIES);
        FloatVector firstMoments = FloatVector.zero(SPECIES);
        for (int j = 0; j < length; j += LANES) {
            FloatVector y = FloatVector.fromArray(SPECIES, row, start + j).sub(max).max(RowMoments.FLOOR);
            FloatVector e = exp(y);
            y.intoArray(shifted, j);
            e.intoArray(weight, j);
            weights = weights.add(e);
            firstMoments = e.fma(y, firstMoments);
        }
        float w = weights.reduceLanes(VectorOperators.ADD);
        double chunkMean = firstMoments.reduceLanes(VectorOperators.ADD) / (double) w;
        float pivot = (float) chunkMean;
        double offset = chunkMean - pivot;
        FloatVector deviations = FloatVector.zero(SPECIES);
        for (int j = 0; j < length; j += LANES) {
            FloatVector d = FloatVector.fromArray(SPECIES, shifted, j).sub(pivot);
            deviations = FloatVector.fromArray(SPECIES, weight, j).mul(d).fma(d, deviations);
        }
        // sum e (y - ybar)^2 = sum e (y - pivot)^2 - w (ybar - pivot)^2, pivot = ybar rounded to float
        moments.add(w, chunkMean, Math.max(deviations.reduceLanes(VectorOperators.ADD) - w * offset * offset, 0));
    }

    /** {@link FloatExp} in every lane, for {@code y} in [-87, 0]. */
    private static FloatVector exp(FloatVector y) {
        FloatVector rounded = y.mul(FloatExp.LOG2E).add(FloatExp.ROUND);
        FloatVector n = rounded.sub(FloatExp.ROUND);
        FloatVector f = n.fma(NEG_LN2_LO, n.fma(NEG_LN2_HI, y));
        FloatVector p = P0.fma(f, P1);
        p = p.fma(f, P2);
        p = p.fma(f, P3);
        p = p.fma(f, P4);
        p = p.fma(f, P5);
        FloatVector e = p.mul(f).fma(f, f).add(1f);
        IntVector scale = rounded.reinterpretAsInts().sub(FloatExp.ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return e.mul(scale.reinterpretAsFloats());
    }
}
