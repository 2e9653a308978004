package io.github.genailab.benchmarks.watermark;

import io.github.genailab.watermark.torch.TorchRandperm;

/** The Python reference's cost model, shared by the JMH and CPU-time benchmarks. */
final class Baselines {

    /** The reference's default hash key: lefthash seeds are key * previous token. */
    static final long HASH_KEY = 15_485_863L;

    private Baselines() {
    }

    /** Green count of tokens [1, end) of a lefthash text: one full randperm(V) per token, then a scan of its first k. */
    static int greenByFullPermutation(int[] text, int end, int vocabularySize, int k) {
        int green = 0;
        for (int i = 1; i < end; i++) {
            int[] perm = TorchRandperm.randperm(vocabularySize, HASH_KEY * text[i - 1]);
            for (int j = 0; j < k; j++) {
                if (perm[j] == text[i]) {
                    green++;
                    break;
                }
            }
        }
        return green;
    }

    /** One generation step: a full randperm(V), then logits[perm[:k]] += delta. */
    static double[] biasByFullPermutation(double[] logits, int previousToken, int k, double delta) {
        int[] perm = TorchRandperm.randperm(logits.length, HASH_KEY * previousToken);
        for (int j = 0; j < k; j++) {
            logits[perm[j]] += delta;
        }
        return logits;
    }
}
