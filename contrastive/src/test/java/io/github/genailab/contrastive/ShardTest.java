package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Local ("sharded") losses reproduce the global loss of a simulated data-parallel step. */
class ShardTest {

    private static final int B = 12;
    private final double[][] image = TestData.gaussian(31, B, 5);
    private final double[][] text = TestData.gaussian(32, B, 5);

    @ParameterizedTest(name = "tile={0}")
    @ValueSource(ints = {0, 5})
    void equalClipShardsAverageToTheGlobalLoss(int tile) {
        ClipLossOptions options = ClipLossOptions.defaults().withTileSize(tile);
        ClipLossResult global = ClipLoss.compute(image, text, options);
        List<ClipLossResult> shards = new ArrayList<>();
        double meanLoss = 0;
        double[][] summedGrad = new double[B][5];
        for (int rank = 0; rank < 4; rank++) {
            ClipLossResult shard = ClipLoss.computeShard(image, text, 3 * rank, 3, options);
            shards.add(shard);
            meanLoss += shard.loss() / 4;
            Shards.addScaled(summedGrad, shard.gradImage(), 1);
        }
        // DDP averages gradients over the 4 workers; each worker's gradient covers all gathered rows.
        Shards.addScaled(summedGrad, summedGrad, -0.75);
        assertThat(meanLoss).isCloseTo(global.loss(), within(1e-13));
        assertThat(TestData.maxAbsDiff(summedGrad, global.gradImage())).isLessThan(1e-14);

        ClipLossResult combined = ClipLoss.combineShards(shards);
        assertThat(combined.loss()).isCloseTo(global.loss(), within(1e-13));
        assertThat(combined.imageToText()).isCloseTo(global.imageToText(), within(1e-13));
        assertThat(combined.textToImage()).isCloseTo(global.textToImage(), within(1e-13));
        assertThat(combined.gradLogScale()).isCloseTo(global.gradLogScale(), within(1e-13));
        assertThat(combined.imageLosses()).containsExactly(global.imageLosses(), within(1e-13));
        assertThat(TestData.maxAbsDiff(combined.gradText(), global.gradText())).isLessThan(1e-14);
    }

    @Test
    void shardMatchesOpenClipLocalLossDefinition() {
        // Rank 1 of 3 (rows 4..7): CE of local images vs all texts plus CE of local texts vs all images.
        ClipLossResult shard = ClipLoss.computeShard(image, text, 4, 4, ClipLossOptions.defaults());
        ClipLossResult global = ClipLoss.compute(image, text, ClipLossOptions.defaults());
        double rows = 0;
        double cols = 0;
        for (int i = 4; i < 8; i++) {
            rows += global.imageLosses()[i] / 4;
            cols += global.textLosses()[i] / 4;
        }
        assertThat(shard.imageToText()).isCloseTo(rows, within(1e-13));
        assertThat(shard.textToImage()).isCloseTo(cols, within(1e-13));
        assertThat(shard.loss()).isCloseTo((rows + cols) / 2, within(1e-13));
        assertThat(shard.toString()).contains("shard=[4, 8) of 12");
    }

    @Test
    void unequalClipShardsCombineWithSizeWeights() {
        ClipLossOptions options = ClipLossOptions.defaults();
        List<ClipLossResult> shards = List.of(
                ClipLoss.computeShard(image, text, 0, 5, options),
                ClipLoss.computeShard(image, text, 5, 1, options),
                ClipLoss.computeShard(image, text, 6, 6, options));
        ClipLossResult global = ClipLoss.compute(image, text, options);
        ClipLossResult combined = ClipLoss.combineShards(shards);
        assertThat(combined.loss()).isCloseTo(global.loss(), within(1e-13));
        assertThat(TestData.maxAbsDiff(combined.gradImage(), global.gradImage())).isLessThan(1e-14);
    }

    @ParameterizedTest(name = "tile={0}")
    @ValueSource(ints = {0, 5})
    void sigLipShardsCombineToTheGlobalLoss(int tile) {
        SigLipLossOptions options = SigLipLossOptions.defaults().withTileSize(tile);
        SigLipLossResult global = SigLipLoss.compute(image, text, options);
        SigLipLossResult combined = SigLipLoss.combineShards(List.of(
                SigLipLoss.computeShard(image, text, 0, 7, options),
                SigLipLoss.computeShard(image, text, 7, 5, options)));
        assertThat(combined.loss()).isCloseTo(global.loss(), within(1e-12));
        assertThat(combined.gradLogScale()).isCloseTo(global.gradLogScale(), within(1e-12));
        assertThat(combined.gradBias()).isCloseTo(global.gradBias(), within(1e-13));
        assertThat(combined.rowLosses()).containsExactly(global.rowLosses(), within(1e-12));
        assertThat(TestData.maxAbsDiff(combined.gradImage(), global.gradImage())).isLessThan(1e-14);
        assertThat(TestData.maxAbsDiff(combined.gradText(), global.gradText())).isLessThan(1e-14);
    }
}
