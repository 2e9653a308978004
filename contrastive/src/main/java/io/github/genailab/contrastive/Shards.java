package io.github.genailab.contrastive;

import io.github.genailab.core.math.Checks;
import java.util.List;
import java.util.function.ToIntFunction;

/** Argument checks and bookkeeping shared by the sharded ("local loss") forms of both losses. */
final class Shards {

    private Shards() {
    }

    /** Requires {@code 1 <= shardSize} and {@code [shardStart, shardStart + shardSize)} within the batch. */
    static void checkRange(int shardStart, int shardSize, int batchSize) {
        Checks.inRange(shardSize, 1, batchSize, "shardSize");
        Checks.inRange(shardStart, 0, batchSize - shardSize, "shardStart");
    }

    /** The dense path holds one {@code B x B} matrix, which must be addressable by an int. */
    static void checkDenseFits(int tileSize, int batchSize) {
        if (tileSize == 0 && batchSize > PairSweep.MAX_TILE) {
            throw Checks.fail("tileSize", "be > 0 (tiled) when the batch has more than "
                    + PairSweep.MAX_TILE + " pairs (" + batchSize + ")", tileSize);
        }
    }

    /**
     * Requires shard results that list, in order, a partition of one batch: non-empty, consecutive,
     * starting at 0 and ending at the batch size, all with the same batch size.
     *
     * @return the batch size
     */
    static <R> int checkPartition(List<R> shards, ToIntFunction<R> start, ToIntFunction<R> size,
                                  ToIntFunction<R> batch) {
        Checks.notNull(shards, "shards");
        if (shards.isEmpty()) {
            throw Checks.fail("shards", "not be empty", "0 results");
        }
        int batchSize = batch.applyAsInt(Checks.notNull(shards.get(0), "shards[0]"));
        int next = 0;
        for (int k = 0; k < shards.size(); k++) {
            R shard = Checks.notNull(shards.get(k), "shards[" + k + "]");
            if (batch.applyAsInt(shard) != batchSize) {
                throw Checks.fail("shards[" + k + "].batchSize", "equal shards[0].batchSize (" + batchSize + ")",
                        batch.applyAsInt(shard));
            }
            if (start.applyAsInt(shard) != next) {
                throw Checks.fail("shards[" + k + "].shardStart", "continue the previous shard at " + next,
                        start.applyAsInt(shard));
            }
            next += size.applyAsInt(shard);
        }
        if (next != batchSize) {
            throw Checks.fail("shards", "cover all " + batchSize + " rows", next + " rows");
        }
        return batchSize;
    }

    /** {@code acc += weight * values}, row by row. */
    static void addScaled(double[][] acc, double[][] values, double weight) {
        for (int i = 0; i < acc.length; i++) {
            for (int j = 0; j < acc[i].length; j++) {
                acc[i][j] += weight * values[i][j];
            }
        }
    }

    /** Fails naming {@code shards[k]} unless its options and precision match the first shard's. */
    static void requireSameSetting(boolean same, int k) {
        if (!same) {
            throw Checks.fail("shards[" + k + "]", "have the options and precision of shards[0]", "different ones");
        }
    }

    /** The parts one after the other. */
    static double[] concat(List<double[]> parts, int total) {
        double[] out = new double[total];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
