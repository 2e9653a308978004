package io.github.genailab.contrastive;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every public entry point rejects bad input with the right exception naming the parameter. */
class BadInputTest {

    private static final float[][] F = {{1, 0}, {0, 1}};
    private static final double[][] X = {{1, 0}, {0, 1}};
    private static final ClipLossOptions CLIP = ClipLossOptions.defaults();
    private static final SigLipLossOptions SIG = SigLipLossOptions.defaults();

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("null image", NullPointerException.class, "image",
                        () -> ClipLoss.compute((float[][]) null, F, 10, true)),
                bad("null text", NullPointerException.class, "text",
                        () -> ClipLoss.compute(X, null, 10, true)),
                bad("null row", NullPointerException.class, "image[1]",
                        () -> ClipLoss.compute(new float[][] {{1, 0}, null}, F, 10, true)),
                bad("empty image", IllegalArgumentException.class, "image",
                        () -> ClipLoss.compute(new float[0][], F, 10, true)),
                bad("empty row", IllegalArgumentException.class, "text",
                        () -> ClipLoss.compute(X, new double[][] {{}, {}}, 10, true)),
                bad("ragged", IllegalArgumentException.class, "image[1]",
                        () -> ClipLoss.compute(new double[][] {{1, 0}, {1}}, X, 10, true)),
                bad("NaN", IllegalArgumentException.class, "image[0][1]",
                        () -> ClipLoss.compute(new float[][] {{1, Float.NaN}, {0, 1}}, F, 10, true)),
                bad("infinite", IllegalArgumentException.class, "text[1][0]",
                        () -> ClipLoss.compute(X, new double[][] {{1, 0}, {Double.POSITIVE_INFINITY, 1}}, 10, true)),
                bad("row count", IllegalArgumentException.class, "text must have as many rows as image (2)",
                        () -> ClipLoss.compute(F, new float[][] {{1, 0}}, 10, true)),
                bad("column count", IllegalArgumentException.class, "text must have as many columns as image (2)",
                        () -> ClipLoss.compute(X, new double[][] {{1, 0, 0}, {0, 1, 0}}, 10, true)),
                bad("zero scale", IllegalArgumentException.class, "logitScale must be finite and > 0, got 0.0",
                        () -> ClipLoss.compute(F, F, 0, true)),
                bad("negative scale", IllegalArgumentException.class, "logitScale",
                        () -> ClipLoss.compute(X, X, -1, true)),
                bad("NaN scale", IllegalArgumentException.class, "logitScale",
                        () -> ClipLoss.compute(X, X, Double.NaN, true)),
                bad("infinite scale", IllegalArgumentException.class, "logitScale",
                        () -> ClipLoss.compute(F, F, Double.POSITIVE_INFINITY, false)),
                bad("null options", NullPointerException.class, "options",
                        () -> ClipLoss.compute(X, X, (ClipLossOptions) null)),
                bad("shard size 0", IllegalArgumentException.class, "shardSize",
                        () -> ClipLoss.computeShard(X, X, 0, 0, CLIP)),
                bad("shard past end", IllegalArgumentException.class, "shardStart",
                        () -> ClipLoss.computeShard(F, F, 1, 2, CLIP)),
                bad("negative shard start", IllegalArgumentException.class, "shardStart",
                        () -> ClipLoss.computeShard(X, X, -1, 1, CLIP)),
                bad("null shards", NullPointerException.class, "shards",
                        () -> ClipLoss.combineShards(null)),
                bad("no shards", IllegalArgumentException.class, "shards",
                        () -> ClipLoss.combineShards(List.of())),
                bad("gap in shards", IllegalArgumentException.class, "shards[1].shardStart",
                        () -> ClipLoss.combineShards(List.of(ClipLoss.computeShard(X, X, 0, 1, CLIP),
                                ClipLoss.computeShard(X, X, 0, 1, CLIP)))),
                bad("shards not covering", IllegalArgumentException.class, "shards must cover all 2 rows",
                        () -> ClipLoss.combineShards(List.of(ClipLoss.computeShard(X, X, 0, 1, CLIP)))),
                bad("mixed options", IllegalArgumentException.class, "shards[1]",
                        () -> ClipLoss.combineShards(List.of(ClipLoss.computeShard(X, X, 0, 1, CLIP),
                                ClipLoss.computeShard(X, X, 1, 1, CLIP.withLogitScale(3))))),
                bad("sig null image", NullPointerException.class, "image",
                        () -> SigLipLoss.compute((double[][]) null, X, 10, -10, true)),
                bad("sig NaN", IllegalArgumentException.class, "text[0][0]",
                        () -> SigLipLoss.compute(F, new float[][] {{Float.NaN, 0}, {0, 1}}, 10, -10, true)),
                bad("sig shapes", IllegalArgumentException.class, "text",
                        () -> SigLipLoss.compute(X, new double[][] {{1, 0}}, 10, -10, true)),
                bad("sig zero scale", IllegalArgumentException.class, "logitScale",
                        () -> SigLipLoss.compute(X, X, 0, -10, true)),
                bad("sig NaN bias", IllegalArgumentException.class, "logitBias must be finite, got NaN",
                        () -> SigLipLoss.compute(F, F, 10, Double.NaN, true)),
                bad("sig infinite bias", IllegalArgumentException.class, "logitBias",
                        () -> SigLipLoss.compute(X, X, 10, Double.NEGATIVE_INFINITY, true)),
                bad("sig null options", NullPointerException.class, "options",
                        () -> SigLipLoss.compute(F, F, (SigLipLossOptions) null)),
                bad("sig bad shard", IllegalArgumentException.class, "shardSize",
                        () -> SigLipLoss.computeShard(X, X, 0, 3, SIG)),
                bad("sig no shards", IllegalArgumentException.class, "shards",
                        () -> SigLipLoss.combineShards(List.of())),
                bad("options tile negative", IllegalArgumentException.class, "tileSize",
                        () -> CLIP.withTileSize(-1)),
                bad("options tile too large", IllegalArgumentException.class, "tileSize",
                        () -> SIG.withTileSize(ClipLossOptions.MAX_TILE_SIZE + 1)),
                bad("options theta NaN", IllegalArgumentException.class, "theta",
                        () -> CLIP.withLogLogitScale(Double.NaN)),
                bad("options theta overflow", IllegalArgumentException.class, "theta",
                        () -> CLIP.withLogLogitScale(1000)),
                bad("options sig scale", IllegalArgumentException.class, "logitScale",
                        () -> SIG.withLogitScale(Double.NaN)),
                bad("options sig bias", IllegalArgumentException.class, "logitBias",
                        () -> SIG.withLogitBias(Double.POSITIVE_INFINITY)),
                bad("result null gradient", NullPointerException.class, "gradImage",
                        () -> new SigLipLossResult(0, null, X, 0, 0, new double[2], SIG, Precision.FLOAT64, 2, 2, 0, 2)));
    }

    private static Arguments bad(String name, Class<? extends Throwable> type, String message, Executable call) {
        return Arguments.of(name, type, message, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejects(String name, Class<? extends Throwable> type, String message, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
    }
}
