package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dense batches larger than one dense tile ({@link PairSweep#DENSE_TILE}): two row and two column
 * blocks of unequal size (1051 and 1050), so kept tiles wait on the heap, the last one stays off-heap
 * and the backward sweep runs in reverse. D = 3 keeps it fast.
 */
class LargeBatchTest {

    private static final int B = PairSweep.DENSE_TILE + 53;
    private static final ClipLossOptions DENSE = ClipLossOptions.defaults().withLogitScale(20);

    private final double[][] image = TestData.gaussian(41, B, 3);
    private final double[][] text = TestData.gaussian(42, B, 3);

    @Test
    void denseTilesAreBalancedAndKeepTheArenaUnder28MiB() {
        assertThat(PairSweep.denseTile(4096, 512, Precision.FLOAT32)).isEqualTo(2048);
        assertThat(PairSweep.denseTile(1024, 512, Precision.FLOAT32)).isEqualTo(1024);
        assertThat(PairSweep.denseTile(3000, 512, Precision.FLOAT32)).isEqualTo(1500);
        assertThat(PairSweep.denseTile(B, 3, Precision.FLOAT64)).isEqualTo(1051);
        for (int d : new int[] {1, 512, 768, 1024, 4096}) {
            for (Precision p : Precision.values()) {
                long t = PairSweep.denseTile(1 << 16, d, p);
                long bytes = (t * t + 3 * t * d) * (p == Precision.FLOAT32 ? 4 : 8);
                assertThat(bytes).as("D=%d %s", d, p).isLessThanOrEqualTo(28L << 20);
            }
        }
    }

    @Test
    void denseMatchesTheOracleAndTheTiledPath() {
        NaiveClip.Clip oracle = NaiveClip.clip(image, text, 20, true);
        ClipLossResult dense = ClipLoss.compute(image, text, DENSE);
        ClipLossResult tiled = ClipLoss.compute(image, text, DENSE.withTileSize(700));

        assertThat(dense.loss()).isCloseTo(oracle.loss(), within(1e-12 * oracle.loss()));
        // Both sides sum 4.4 million terms in double: agreement to about 1e-11 relative.
        assertThat(dense.gradLogScale()).isCloseTo(oracle.gradLogScale(), within(1e-10 * oracle.gradLogScale()));
        assertThat(TestData.maxAbsDiff(dense.gradImage(), oracle.gradImage())).isLessThan(1e-13);
        assertThat(TestData.maxAbsDiff(dense.gradText(), oracle.gradText())).isLessThan(1e-13);
        assertThat(tiled.loss()).isCloseTo(dense.loss(), within(1e-13));
        assertThat(tiled.imageLosses()).containsExactly(dense.imageLosses(), within(1e-12));
        assertThat(TestData.maxAbsDiff(tiled.gradText(), dense.gradText())).isLessThan(1e-15);
    }

    @Test
    void exactMaximaPathKeepsSeveralTiles() {
        // 2 s > 600: an extra forward sweep over the kept tiles finds the exact maxima first.
        NaiveClip.Clip oracle = NaiveClip.clip(image, text, 1000, true);
        ClipLossResult r = ClipLoss.compute(image, text, DENSE.withLogitScale(1000));
        assertThat(r.loss()).isCloseTo(oracle.loss(), within(1e-9 * oracle.loss()));
        assertThat(TestData.maxAbsDiff(r.gradImage(), oracle.gradImage())).isLessThan(1e-9);
        assertThat(TestData.maxAbsDiff(r.gradText(), oracle.gradText())).isLessThan(1e-9);
    }

    @Test
    void shardsOfALargeDenseBatchCombine() {
        // The shard filter skips whole tiles: the first shard never touches the last row block.
        List<ClipLossResult> shards = List.of(
                ClipLoss.computeShard(image, text, 0, 1000, DENSE),
                ClipLoss.computeShard(image, text, 1000, B - 1000, DENSE));
        ClipLossResult global = ClipLoss.compute(image, text, DENSE);
        ClipLossResult combined = ClipLoss.combineShards(shards);
        assertThat(combined.loss()).isCloseTo(global.loss(), within(1e-12));
        assertThat(combined.gradLogScale()).isCloseTo(global.gradLogScale(), within(1e-12));
        assertThat(TestData.maxAbsDiff(combined.gradImage(), global.gradImage())).isLessThan(1e-15);
    }

    @Test
    void float32AtScaleHundredAgreesWithFloat64() {
        // Cosines span [-1, 1] in D = 3, so at s = 100 many strips are too wide for one float
        // exponential and take the split kernels; the others use a data-driven common shift.
        ClipLossOptions options = DENSE.withLogitScale(100);
        ClipLossResult f64 = ClipLoss.compute(image, text, options);
        ClipLossResult f32 = ClipLoss.compute(TestData.toFloat(image), TestData.toFloat(text), options);
        assertThat(f32.loss()).isCloseTo(f64.loss(), within(1e-5 * f64.loss()));
        assertThat(f32.gradLogScale()).isCloseTo(f64.gradLogScale(), within(1e-4 * Math.abs(f64.gradLogScale())));
        assertThat(TestData.maxAbsDiff(f32.gradImage(), f64.gradImage()))
                .isLessThan(1e-4 * TestData.maxAbs(f64.gradImage()));
        assertThat(TestData.maxAbsDiff(f32.gradText(), f64.gradText()))
                .isLessThan(1e-4 * TestData.maxAbs(f64.gradText()));
    }
}
