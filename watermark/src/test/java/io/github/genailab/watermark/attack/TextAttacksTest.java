package io.github.genailab.watermark.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genailab.core.lm.LanguageModel;
import io.github.genailab.core.math.Rngs;
import io.github.genailab.core.text.BpeTokenizer;
import io.github.genailab.core.text.Corpora;
import io.github.genailab.watermark.Watermark;
import io.github.genailab.watermark.Watermarks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Word deletion and insertion, copy-paste and the emoji attack. */
class TextAttacksTest {

    private static final BpeTokenizer TOKENIZER = Corpora.shakespeareTokenizer();
    private static final int[] TEXT = TOKENIZER.encode("Now is the winter of our discontent\nMade glorious summer by this "
            + "sun of York;");

    @Test
    void wordAttacksEditWordsAndNormaliseWhitespace() {
        assertThat(TOKENIZER.decode(Attack.wordDeletion(0, TOKENIZER).apply(TEXT, Rngs.seeded(1))))
                .isEqualTo("Now is the winter of our discontent Made glorious summer by this sun of York;");
        assertThat(Attack.wordDeletion(1, TOKENIZER).apply(TEXT, Rngs.seeded(1))).isEmpty();
        String inserted = TOKENIZER.decode(Attack.wordInsertion(1, TOKENIZER).apply(TEXT, Rngs.seeded(1)));
        assertThat(inserted.split(" ")).hasSize(30); // 15 words, each followed by an inserted one
        String deleted = TOKENIZER.decode(Attack.wordDeletion(0.5, TOKENIZER).apply(TEXT, Rngs.seeded(2)));
        assertThat(deleted.split(" ").length).isBetween(3, 11);
        assertThat(Attack.wordDeletion(0.5, TOKENIZER).apply(TEXT, Rngs.seeded(2)))
                .containsExactly(Attack.wordDeletion(0.5, TOKENIZER).apply(TEXT, Rngs.seeded(2)));
        assertThat(Attack.wordDeletion(0.3, TOKENIZER).withRate(0.5)).isEqualTo(Attack.wordDeletion(0.5, TOKENIZER));
        assertThatThrownBy(() -> Attack.wordInsertion(2, TOKENIZER)).hasMessageContaining("rate");
        assertThatThrownBy(() -> Attack.wordDeletion(0.1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Attack.wordDeletion(0.1, TOKENIZER).apply(new int[] {4096}, Rngs.seeded(1)))
                .hasMessageContaining("tokens");
    }

    @Test
    void copyPastePutsWatermarkedSpansAtTheSamePositions() {
        int[] watermarked = new int[200];
        Arrays.fill(watermarked, 7);
        int[] human = new int[180];
        int[] out = CopyPaste.apply(watermarked, human, 0.3, 3, Rngs.seeded(4));
        assertThat(out).hasSize(180);
        // 3 spans of floor(0.3 * 180 / 3) = 18 tokens, non-overlapping.
        assertThat(Arrays.stream(out).filter(t -> t == 7).count()).isEqualTo(54);
        assertThat(CopyPaste.apply(watermarked, human, 0, 3, Rngs.seeded(4))).containsExactly(human);
        assertThat(human).containsOnly(0);
        assertThatThrownBy(() -> CopyPaste.apply(watermarked, human, 1.0, 3, Rngs.seeded(4)))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> CopyPaste.apply(watermarked, human, 0.2, 0, Rngs.seeded(4)))
                .hasMessageContaining("spans");
        assertThatThrownBy(() -> CopyPaste.apply(watermarked, human, Double.NaN, 1, Rngs.seeded(4)))
                .hasMessageContaining("fraction");
    }

    @Test
    void emojiAttackKeepsTheNonEmojiTokens() {
        LanguageModel uniform = new LanguageModel() {
            @Override
            public int vocabularySize() {
                return 50;
            }

            @Override
            public double[] nextTokenLogits(int[] tokens, int length) {
                double[] row = new double[50];
                row[49] = -30; // the emoji is never chosen on its own
                return row;
            }
        };
        Watermark w = Watermarks.create("unigram", 50, 3);
        int[] out = EmojiAttack.generate(w, uniform, new int[] {1, 2}, 30, 49, Rngs.seeded(8));
        assertThat(out).hasSize(30);
        assertThat(Arrays.stream(out).noneMatch(t -> t == 49)).isTrue();
        assertThat(EmojiAttack.generate(w, uniform, new int[] {1, 2}, 30, 49, Rngs.seeded(8))).containsExactly(out);
        assertThatThrownBy(() -> EmojiAttack.generate(w, uniform, new int[0], 5, 50, Rngs.seeded(1)))
                .hasMessageContaining("emojiToken");
        assertThatThrownBy(() -> EmojiAttack.generate(w, uniform, new int[0], -1, 3, Rngs.seeded(1)))
                .hasMessageContaining("maxNewTokens");
    }
}
