package io.github.genailab.watermark;

import io.github.genailab.core.lm.LanguageModel;

/**
 * A deterministic high-entropy model for tests: the logits of the next token are pseudo-random normals-ish
 * values derived from the previous token, scaled by {@code spread} (larger spread = lower entropy).
 */
final class ToyLanguageModel implements LanguageModel {

    private final int vocabularySize;
    private final double spread;

    ToyLanguageModel(int vocabularySize, double spread) {
        this.vocabularySize = vocabularySize;
        this.spread = spread;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public double[] nextTokenLogits(int[] tokens, int length) {
        long context = length == 0 ? 17 : tokens[length - 1];
        double[] logits = new double[vocabularySize];
        for (int t = 0; t < vocabularySize; t++) {
            long z = SipHash.mix(context * 0x632BE59BD9B4E019L, t);
            logits[t] = spread * ((z >>> 11) * 0x1.0p-53 - 0.5);
        }
        return logits;
    }
}
